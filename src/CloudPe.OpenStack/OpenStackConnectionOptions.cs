using System.Security.Cryptography.X509Certificates;

namespace CloudPe.OpenStack;

/// <summary>How to reach and authenticate against one CloudPe (OpenStack) project.</summary>
public sealed class OpenStackConnectionOptions
{
    /// <summary>Host and optional port of the API proxy, e.g. "cmp.example.com" or "127.0.0.1:5000". No scheme, no path.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Path prefix of the project's API proxy, e.g. "/openstack/14"; "/" for a plain OpenStack.</summary>
    public string ProjectPath { get; init; } = "/";

    /// <summary>True for https with certificate verification, false for plain http.</summary>
    public bool Secure { get; init; } = true;

    /// <summary>Keystone application credential ID.</summary>
    public required string ApplicationCredentialId { get; init; }

    /// <summary>Keystone application credential secret. Never logged.</summary>
    public required string ApplicationCredentialSecret { get; init; }

    /// <summary>When set, only catalog endpoints of this region are used.</summary>
    public string? Region { get; init; }

    /// <summary>Catalog endpoint interface to use.</summary>
    public string Interface { get; init; } = "public";

    /// <summary>Timeout of one HTTP attempt (a retried request gets this per attempt).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of an idempotent request on 5xx, 429 and connection errors.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the rate-limit error surfaces instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A token is renewed this long before its expires_at (at most half its lifetime).</summary>
    public TimeSpan TokenRenewalMargin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Extra CA certificates trusted for this endpoint (private CA).</summary>
    public X509Certificate2Collection? ExtraCaCertificates { get; init; }

    /// <summary>Replaces the network stack (tests). The connection does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>The Keystone v3 URL: <c>http(s)://{Endpoint}{ProjectPath}/v3</c>, normalised.</summary>
    public Uri AuthUrl => AuthUrlBuilder.Build(Endpoint, ProjectPath, Secure);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        _ = AuthUrlBuilder.Build(Endpoint, ProjectPath, Secure);
        if (string.IsNullOrWhiteSpace(ApplicationCredentialId))
        {
            throw new ArgumentException("ApplicationCredentialId is required.", nameof(ApplicationCredentialId));
        }

        if (string.IsNullOrEmpty(ApplicationCredentialSecret))
        {
            throw new ArgumentException("ApplicationCredentialSecret is required.", nameof(ApplicationCredentialSecret));
        }

        if (string.IsNullOrWhiteSpace(Interface))
        {
            throw new ArgumentException("Interface is required (public, internal or admin).", nameof(Interface));
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException("MaxRetries must not be negative.", nameof(MaxRetries));
        }
    }

    /// <summary>Describes the target without the secret.</summary>
    public override string ToString() => $"{AuthUrl} (application credential {ApplicationCredentialId}, region {Region ?? "any"}, interface {Interface})";
}
