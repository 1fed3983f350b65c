using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A security group of the project.</summary>
public sealed class InventorySecurityGroup
{
    /// <summary>Security group ID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Security group name, usable in spec.securityGroup.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
