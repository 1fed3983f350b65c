namespace CloudPe.OpenStack;

/// <summary>Builds the Keystone URL from endpoint, project path and the secure flag.</summary>
internal static class AuthUrlBuilder
{
    public static Uri Build(string? endpoint, string? projectPath, bool secure)
    {
        var host = (endpoint ?? string.Empty).Trim();
        if (host.Length == 0)
        {
            throw new ArgumentException("Endpoint is required (host or host:port).", "Endpoint");
        }

        if (host.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Endpoint must be host[:port] without a scheme; use Secure to choose https. Got '{host}'.", "Endpoint");
        }

        host = host.TrimEnd('/');
        if (host.Contains('/', StringComparison.Ordinal) || host.Contains('?', StringComparison.Ordinal) || host.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Endpoint must be host[:port] without a path; put the path in ProjectPath. Got '{host}'.", "Endpoint");
        }

        var path = (projectPath ?? string.Empty).Trim().Trim('/');
        if (path.Contains("://", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"ProjectPath must be a path such as /openstack/14. Got '{projectPath}'.", "ProjectPath");
        }

        if (!path.Equals("v3", StringComparison.OrdinalIgnoreCase) && !path.EndsWith("/v3", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Length == 0 ? "v3" : path + "/v3";
        }

        var text = $"{(secure ? "https" : "http")}://{host}/{path}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"Endpoint '{host}' is not a valid host[:port].", "Endpoint");
        }

        return uri;
    }
}
