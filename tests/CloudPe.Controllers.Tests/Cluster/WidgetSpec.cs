using System.Text.Json.Serialization;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>Spec of the test resource.</summary>
public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("secretName")]
    public string? SecretName { get; set; }
}
