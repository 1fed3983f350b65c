using System.Text.Json.Serialization;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>Status of the test resource.</summary>
public sealed class WidgetStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }
}
