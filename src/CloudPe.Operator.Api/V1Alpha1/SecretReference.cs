using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A reference to a Secret in the same namespace whose keys are fixed by the referring field.</summary>
public sealed class SecretReference
{
    /// <summary>Name of the Secret in the same namespace.</summary>
    [JsonPropertyName("name")]
    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    public string Name { get; set; } = "";
}
