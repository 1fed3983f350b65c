namespace CloudPe.OpenStack.Http;

/// <summary>One logical call: where it goes, how it may be retried and what it carries.</summary>
internal sealed class OpenStackRequest
{
    public required OpenStackService Service { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Path (and query) relative to the service endpoint, e.g. /servers/abc.</summary>
    public required string Path { get; init; }

    /// <summary>Route template for logs and metrics, e.g. /servers/{id}/action:os-stop.</summary>
    public required string Route { get; init; }

    /// <summary>JSON body, already serialised.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Safe to send again: retried on 5xx, 429 and connection errors.</summary>
    public required bool Idempotent { get; init; }

    /// <summary>OpenStack-API-Version header value, e.g. "compute 2.67"; per service because others reject foreign ones.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Answer null instead of throwing on 404.</summary>
    public bool NotFoundIsNull { get; init; }

    /// <summary>Absolute base URL overriding the catalog (identity, version documents).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Whether to send X-Auth-Token (false for the token request itself).</summary>
    public bool Authenticated { get; init; } = true;

    /// <summary>The path without its query string, for errors.</summary>
    public string PathWithoutQuery
    {
        get
        {
            var q = Path.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? Path : Path[..q];
        }
    }
}
