using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The console URL fetched for the last accepted cloudpe.io/console annotation.</summary>
public sealed class ConsoleStatus
{
    /// <summary>URL of the remote console.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Console protocol, e.g. vnc.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>When the URL was fetched.</summary>
    [JsonPropertyName("issuedAt")]
    public DateTimeOffset? IssuedAt { get; set; }

    /// <summary>When the URL stops working, when known.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }
}
