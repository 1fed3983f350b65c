using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A flavor (VM size) offered by the project.</summary>
public sealed class InventoryFlavor
{
    /// <summary>Flavor ID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Flavor name, usable in spec.flavor.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Number of virtual CPUs.</summary>
    [JsonPropertyName("vcpus")]
    public int Vcpus { get; set; }

    /// <summary>Memory in MiB.</summary>
    [JsonPropertyName("ramMiB")]
    public int RamMiB { get; set; }

    /// <summary>Root disk in GiB (0 for volume-backed only).</summary>
    [JsonPropertyName("diskGiB")]
    public int DiskGiB { get; set; }
}
