using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A reference to an object of a known kind in the same namespace.</summary>
public sealed class LocalObjectReference
{
    /// <summary>Name of the object in the same namespace.</summary>
    [JsonPropertyName("name")]
    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    public string Name { get; set; } = "";
}
