using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A network the project can attach VMs to.</summary>
public sealed class InventoryNetwork
{
    /// <summary>Network ID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Network name, usable in spec.network.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>IP versions of the network's subnets (4, 6 or both).</summary>
    [JsonPropertyName("ipVersions")]
    public IList<int> IpVersions { get; set; } = [];

    /// <summary>Whether the network is external (router:external).</summary>
    [JsonPropertyName("external")]
    public bool External { get; set; }
}
