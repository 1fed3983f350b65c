using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>An image offered by the project.</summary>
public sealed class InventoryImage
{
    /// <summary>Image ID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Image name, usable in spec.image.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Smallest boot volume in GiB the image needs (Glance min_disk).</summary>
    [JsonPropertyName("minDiskGiB")]
    public int MinDiskGiB { get; set; }

    /// <summary>Operating system distribution (Glance os_distro), when known.</summary>
    [JsonPropertyName("osDistro")]
    public string? OsDistro { get; set; }

    /// <summary>Operating system version (Glance os_version), when known.</summary>
    [JsonPropertyName("osVersion")]
    public string? OsVersion { get; set; }
}
