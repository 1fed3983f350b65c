using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>One IP address of the VM.</summary>
public sealed class VmAddress
{
    /// <summary>Name of the network the address is on.</summary>
    [JsonPropertyName("network")]
    public string Network { get; set; } = "";

    /// <summary>The IP address.</summary>
    [JsonPropertyName("address")]
    public string Address { get; set; } = "";

    /// <summary>IP version: 4 or 6.</summary>
    [JsonPropertyName("version")]
    public int Version { get; set; }

    /// <summary>fixed or floating (OS-EXT-IPS:type).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
