using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>
/// What the project offers, for users choosing spec values. Each list holds at most
/// <see cref="MaxEntries"/> entries so the object stays small; its count gives the full number.
/// </summary>
public sealed class ServerInventory
{
    /// <summary>The most entries a list holds.</summary>
    public const int MaxEntries = 500;

    /// <summary>When the inventory was last read from the cloud.</summary>
    [JsonPropertyName("refreshedAt")]
    public DateTimeOffset? RefreshedAt { get; set; }

    /// <summary>Flavors, at most 500.</summary>
    [JsonPropertyName("flavors")]
    [MaxItems(MaxEntries)]
    public IList<InventoryFlavor> Flavors { get; set; } = [];

    /// <summary>Number of flavors in the cloud (may exceed the list's length).</summary>
    [JsonPropertyName("flavorCount")]
    public int FlavorCount { get; set; }

    /// <summary>Images, at most 500.</summary>
    [JsonPropertyName("images")]
    [MaxItems(MaxEntries)]
    public IList<InventoryImage> Images { get; set; } = [];

    /// <summary>Number of images in the cloud (may exceed the list's length).</summary>
    [JsonPropertyName("imageCount")]
    public int ImageCount { get; set; }

    /// <summary>Networks, at most 500.</summary>
    [JsonPropertyName("networks")]
    [MaxItems(MaxEntries)]
    public IList<InventoryNetwork> Networks { get; set; } = [];

    /// <summary>Number of networks in the cloud (may exceed the list's length).</summary>
    [JsonPropertyName("networkCount")]
    public int NetworkCount { get; set; }

    /// <summary>Security groups, at most 500.</summary>
    [JsonPropertyName("securityGroups")]
    [MaxItems(MaxEntries)]
    public IList<InventorySecurityGroup> SecurityGroups { get; set; } = [];

    /// <summary>Number of security groups in the cloud (may exceed the list's length).</summary>
    [JsonPropertyName("securityGroupCount")]
    public int SecurityGroupCount { get; set; }

    /// <summary>Volume types, at most 500.</summary>
    [JsonPropertyName("volumeTypes")]
    [MaxItems(MaxEntries)]
    public IList<InventoryVolumeType> VolumeTypes { get; set; } = [];

    /// <summary>Number of volume types in the cloud (may exceed the list's length).</summary>
    [JsonPropertyName("volumeTypeCount")]
    public int VolumeTypeCount { get; set; }
}
