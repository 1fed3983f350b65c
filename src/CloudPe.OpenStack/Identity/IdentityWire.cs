using System.Text.Json.Serialization;

namespace CloudPe.OpenStack.Identity;

/// <summary>Keystone POST /v3/auth/tokens response body.</summary>
internal sealed class TokenResponseWire
{
    [JsonPropertyName("token")]
    public TokenWire? Token { get; set; }
}

/// <summary>The token object (the token value itself is in the X-Subject-Token header).</summary>
internal sealed class TokenWire
{
    [JsonPropertyName("expires_at")]
    public string? ExpiresAt { get; set; }

    [JsonPropertyName("issued_at")]
    public string? IssuedAt { get; set; }

    [JsonPropertyName("project")]
    public NamedWire? Project { get; set; }

    [JsonPropertyName("roles")]
    public List<NamedWire>? Roles { get; set; }

    [JsonPropertyName("catalog")]
    public List<CatalogServiceWire>? Catalog { get; set; }
}

/// <summary>An object with id and name.</summary>
internal sealed class NamedWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>One catalog service.</summary>
internal sealed class CatalogServiceWire
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("endpoints")]
    public List<CatalogEndpointWire>? Endpoints { get; set; }
}

/// <summary>One catalog endpoint.</summary>
internal sealed class CatalogEndpointWire
{
    [JsonPropertyName("interface")]
    public string? Interface { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("region_id")]
    public string? RegionId { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
