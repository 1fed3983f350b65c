using System.Text.Json.Serialization;

namespace CloudPe.OpenStack.Images;

/// <summary>GET /v2/images page.</summary>
internal sealed class ImageListWire
{
    [JsonPropertyName("images")]
    public List<ImageWire>? Images { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}

/// <summary>A Glance image (GET /v2/images/{id} answers it bare).</summary>
internal sealed class ImageWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("visibility")]
    public string? Visibility { get; set; }

    [JsonPropertyName("min_disk")]
    public int? MinDisk { get; set; }

    [JsonPropertyName("min_ram")]
    public int? MinRam { get; set; }

    [JsonPropertyName("size")]
    public long? Size { get; set; }

    [JsonPropertyName("disk_format")]
    public string? DiskFormat { get; set; }

    [JsonPropertyName("os_distro")]
    public string? OsDistro { get; set; }
}
