using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The observed state of the VM.</summary>
public sealed class CloudPeVMStatus
{
    /// <summary>The metadata.generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>ID of the cloud server, written the moment the cloud accepts the create.</summary>
    [JsonPropertyName("vmId")]
    public string? VmId { get; set; }

    /// <summary>Where the VM is in its life cycle.</summary>
    [JsonPropertyName("phase")]
    public VmPhase? Phase { get; set; }

    /// <summary>Observed power state.</summary>
    [JsonPropertyName("powerState")]
    public PowerState? PowerState { get; set; }

    /// <summary>The cloud's server status, e.g. ACTIVE, SHUTOFF, ERROR.</summary>
    [JsonPropertyName("openStackStatus")]
    public string? OpenStackStatus { get; set; }

    /// <summary>The cloud's task state (OS-EXT-STS:task_state), empty when idle.</summary>
    [JsonPropertyName("taskState")]
    public string? TaskState { get; set; }

    /// <summary>The VM's IPv4 address.</summary>
    [JsonPropertyName("ipv4")]
    public string? Ipv4 { get; set; }

    /// <summary>The VM's IPv6 address.</summary>
    [JsonPropertyName("ipv6")]
    public string? Ipv6 { get; set; }

    /// <summary>All addresses of the VM.</summary>
    [JsonPropertyName("addresses")]
    public IList<VmAddress> Addresses { get; set; } = [];

    /// <summary>ID of the flavor the server runs with.</summary>
    [JsonPropertyName("flavorId")]
    public string? FlavorId { get; set; }

    /// <summary>ID of the image the boot volume was created from.</summary>
    [JsonPropertyName("imageId")]
    public string? ImageId { get; set; }

    /// <summary>Operating system name of the image.</summary>
    [JsonPropertyName("osName")]
    public string? OsName { get; set; }

    /// <summary>ID of the boot volume.</summary>
    [JsonPropertyName("volumeId")]
    public string? VolumeId { get; set; }

    /// <summary>Current size of the boot volume in GiB.</summary>
    [JsonPropertyName("volumeSizeGiB")]
    public int? VolumeSizeGiB { get; set; }

    /// <summary>The console URL of the last accepted console action.</summary>
    [JsonPropertyName("console")]
    public ConsoleStatus? Console { get; set; }

    /// <summary>When the status was last read from the cloud.</summary>
    [JsonPropertyName("lastSyncTime")]
    public DateTimeOffset? LastSyncTime { get; set; }

    /// <summary>The last handled value of each action annotation.</summary>
    [JsonPropertyName("handledActions")]
    public HandledActions? HandledActions { get; set; }

    /// <summary>Ready, Provisioned, PowerStateSynced and, after a refused action, ActionRejected.</summary>
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    public IList<Condition> Conditions { get; set; } = [];
}
