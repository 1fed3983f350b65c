using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;
using k8s;
using k8s.Models;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>One virtual machine in the CloudPe project of the referenced CloudPeServer.</summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeVersion, Kind = KubeKind, PluralName = KubePluralName)]
[ShortName("cpvm")]
[ResourceCategory(CloudPeApiGroup.Category)]
[PrinterColumn("Server", "string", ".spec.serverRef.name")]
[PrinterColumn("Flavor", "string", ".spec.flavor")]
[PrinterColumn("Power", "string", ".status.powerState")]
[PrinterColumn("Phase", "string", ".status.phase")]
[PrinterColumn("IPv4", "string", ".status.ipv4")]
[PrinterColumn("IPv6", "string", ".status.ipv6")]
[PrinterColumn("VM ID", "string", ".status.vmId", Priority = 1)]
[PrinterColumn("Image", "string", ".spec.image", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class CloudPeVM : IKubernetesObject<V1ObjectMeta>, ISpec<CloudPeVMSpec>, IStatus<CloudPeVMStatus>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = CloudPeApiGroup.Group;

    /// <summary>The API version within the group.</summary>
    public const string KubeVersion = CloudPeApiGroup.Version;

    /// <summary>The <c>apiVersion</c> of the objects.</summary>
    public const string KubeApiVersion = CloudPeApiGroup.GroupVersion;

    /// <summary>The kind.</summary>
    public const string KubeKind = "CloudPeVM";

    /// <summary>The plural resource name used in API paths.</summary>
    public const string KubePluralName = "cloudpevms";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    /// <summary>Kind is the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The wanted VM.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public CloudPeVMSpec Spec { get; set; } = new();

    /// <summary>The observed state of the VM, written by the operator.</summary>
    [JsonPropertyName("status")]
    public CloudPeVMStatus Status { get; set; } = new();
}
