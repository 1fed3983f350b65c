using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A reference to one key of a Secret in the same namespace.</summary>
public sealed class SecretKeyReference
{
    /// <summary>Name of the Secret in the same namespace.</summary>
    [JsonPropertyName("name")]
    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    /// <summary>Key within the Secret; the referring field gives the default.</summary>
    [JsonPropertyName("key")]
    [MinLength(1)]
    [MaxLength(253)]
    [Pattern(@"^[-._a-zA-Z0-9]+$")]
    public string? Key { get; set; }
}
