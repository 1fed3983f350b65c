using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;
using k8s;
using k8s.Models;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A connection to one CloudPe (OpenStack) project that CloudPeVMs in the same namespace use.</summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeVersion, Kind = KubeKind, PluralName = KubePluralName)]
[ShortName("cpserver")]
[ResourceCategory(CloudPeApiGroup.Category)]
[PrinterColumn("Endpoint", "string", ".spec.endpoint")]
[PrinterColumn("Project", "string", ".spec.projectPath")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class CloudPeServer : IKubernetesObject<V1ObjectMeta>, ISpec<CloudPeServerSpec>, IStatus<CloudPeServerStatus>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = CloudPeApiGroup.Group;

    /// <summary>The API version within the group.</summary>
    public const string KubeVersion = CloudPeApiGroup.Version;

    /// <summary>The <c>apiVersion</c> of the objects.</summary>
    public const string KubeApiVersion = CloudPeApiGroup.GroupVersion;

    /// <summary>The kind.</summary>
    public const string KubeKind = "CloudPeServer";

    /// <summary>The plural resource name used in API paths.</summary>
    public const string KubePluralName = "cloudpeservers";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    /// <summary>Kind is the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The wanted connection.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public CloudPeServerSpec Spec { get; set; } = new();

    /// <summary>The observed state of the connection, written by the operator.</summary>
    [JsonPropertyName("status")]
    public CloudPeServerStatus Status { get; set; } = new();
}
