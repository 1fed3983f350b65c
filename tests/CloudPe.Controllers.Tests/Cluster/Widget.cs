using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>The test custom resource <c>widgets.test.cloudpe.io</c>.</summary>
[KubernetesEntity(Group = "test.cloudpe.io", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : IKubernetesObject<V1ObjectMeta>, ISpec<WidgetSpec>, IStatus<WidgetStatus>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.cloudpe.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public WidgetStatus Status { get; set; } = null!;
}
