using System.Text.Json.Serialization;

namespace CloudPe.OpenStack.Http;

/// <summary>A paging link (rel next).</summary>
internal sealed class LinkWire
{
    [JsonPropertyName("rel")]
    public string? Rel { get; set; }

    [JsonPropertyName("href")]
    public string? Href { get; set; }
}
