using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The service URLs the operator resolved from the Keystone catalog (through the project proxy).</summary>
public sealed class ServiceEndpointsStatus
{
    /// <summary>Nova (compute) URL.</summary>
    [JsonPropertyName("compute")]
    public string? Compute { get; set; }

    /// <summary>Neutron (network) URL.</summary>
    [JsonPropertyName("network")]
    public string? Network { get; set; }

    /// <summary>Cinder v3 (block storage) URL.</summary>
    [JsonPropertyName("volumev3")]
    public string? VolumeV3 { get; set; }

    /// <summary>Glance (image) URL.</summary>
    [JsonPropertyName("image")]
    public string? Image { get; set; }
}
