using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>A list of CloudPeServer objects as the API server returns it.</summary>
[KubernetesEntity(Group = CloudPeServer.KubeGroup, ApiVersion = CloudPeServer.KubeVersion, Kind = KubeKind, PluralName = CloudPeServer.KubePluralName)]
public sealed class CloudPeServerList : IKubernetesObject<V1ListMeta>, IItems<CloudPeServer>
{
    /// <summary>The kind of the list.</summary>
    public const string KubeKind = "CloudPeServerList";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = CloudPeServer.KubeApiVersion;

    /// <summary>Kind is the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    [JsonPropertyName("items")]
    public IList<CloudPeServer> Items { get; set; } = [];
}
