using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A volume type (storage policy) of the project.</summary>
public sealed class InventoryVolumeType
{
    /// <summary>Volume type ID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Volume type name, usable in spec.volume.storagePolicy.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
