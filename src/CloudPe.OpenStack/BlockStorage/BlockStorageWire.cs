using System.Text.Json.Serialization;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.BlockStorage;

/// <summary>GET /types.</summary>
internal sealed class VolumeTypeListWire
{
    [JsonPropertyName("volume_types")]
    public List<VolumeTypeWire>? VolumeTypes { get; set; }
}

/// <summary>A volume type.</summary>
internal sealed class VolumeTypeWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("os-volume-type-access:is_public")]
    public bool? IsPublic { get; set; }

    [JsonPropertyName("is_public")]
    public bool? IsPublicPlain { get; set; }
}

/// <summary>GET /volumes/{id}.</summary>
internal sealed class VolumeEnvelopeWire
{
    [JsonPropertyName("volume")]
    public VolumeWire? Volume { get; set; }
}

/// <summary>GET /volumes/detail page.</summary>
internal sealed class VolumeListWire
{
    [JsonPropertyName("volumes")]
    public List<VolumeWire>? Volumes { get; set; }

    [JsonPropertyName("volumes_links")]
    public List<LinkWire>? Links { get; set; }
}

/// <summary>A volume.</summary>
internal sealed class VolumeWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("volume_type")]
    public string? VolumeType { get; set; }

    // Cinder sends "true"/"false" as strings.
    [JsonPropertyName("bootable")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Bootable { get; set; }

    [JsonPropertyName("attachments")]
    public List<VolumeAttachmentWire>? Attachments { get; set; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, string>? Metadata { get; set; }
}

/// <summary>A volume attachment.</summary>
internal sealed class VolumeAttachmentWire
{
    [JsonPropertyName("server_id")]
    public string? ServerId { get; set; }

    [JsonPropertyName("device")]
    public string? Device { get; set; }
}
