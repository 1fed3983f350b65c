using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A list of CloudPeVM objects as the API server returns it.</summary>
[KubernetesEntity(Group = CloudPeVM.KubeGroup, ApiVersion = CloudPeVM.KubeVersion, Kind = KubeKind, PluralName = CloudPeVM.KubePluralName)]
public sealed class CloudPeVMList : IKubernetesObject<V1ListMeta>, IItems<CloudPeVM>
{
    /// <summary>The kind of the list.</summary>
    public const string KubeKind = "CloudPeVMList";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = CloudPeVM.KubeApiVersion;

    /// <summary>Kind is the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    [JsonPropertyName("items")]
    public IList<CloudPeVM> Items { get; set; } = [];
}
