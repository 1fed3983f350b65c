using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CloudPe.OpenStack.BlockStorage;
using CloudPe.OpenStack.Compute;
using CloudPe.OpenStack.Http;
using CloudPe.OpenStack.Identity;
using CloudPe.OpenStack.Images;
using CloudPe.OpenStack.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudPe.OpenStack;

/// <summary>
/// One authenticated connection to a CloudPe project (one per CloudPeServer). Owns the HTTP connection pool and the
/// token cache (renewed shortly before expires_at, single-flight, dropped on 401 with one re-auth), and exposes the
/// service clients. Thread-safe; share it.
/// </summary>
public sealed class OpenStackConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly TokenCache _tokens;

    /// <summary>Creates the connection; nothing is sent until the first call (or <see cref="ConnectAsync"/>).</summary>
    public OpenStackConnection(OpenStackConnectionOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CloudPe.OpenStack");
        _http = options.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(CreateHandler(options), disposeHandler: true);
        _http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        var sender = new RequestSender(_http, options, time, logger);
        Identity = new IdentityClient(sender, options, logger);
        _tokens = new TokenCache(Identity.AuthenticateAsync, time);
        sender.UseTokens(_tokens);
        Compute = new ComputeClient(sender, logger);
        Networking = new NetworkingClient(sender);
        BlockStorage = new BlockStorageClient(sender);
        Images = new ImagesClient(sender);
    }

    /// <summary>The options this connection was made from.</summary>
    public OpenStackConnectionOptions Options { get; }

    /// <summary>Keystone.</summary>
    public IdentityClient Identity { get; }

    /// <summary>Nova.</summary>
    public ComputeClient Compute { get; }

    /// <summary>Neutron.</summary>
    public NetworkingClient Networking { get; }

    /// <summary>Cinder.</summary>
    public BlockStorageClient BlockStorage { get; }

    /// <summary>Glance.</summary>
    public ImagesClient Images { get; }

    /// <summary>Endpoints from the current token's catalog; null before the first authentication.</summary>
    public ServiceEndpoints? ServiceEndpoints => _tokens.Current?.Endpoints;

    /// <summary>Project of the application credential; null before the first authentication.</summary>
    public string? ProjectId => _tokens.Current?.ProjectId;

    /// <summary>The cached token (tests check it never reaches logs).</summary>
    internal AuthToken? CurrentToken => _tokens.Current;

    /// <summary>The cloud's maximum compute microversion; null before negotiation.</summary>
    public Microversion? ComputeMaxMicroversion => Compute.MaxMicroversion;

    /// <summary>Authenticates and negotiates the compute microversion; answers what the token carries.</summary>
    public async Task<AuthenticationInfo> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var info = await Identity.GetAuthenticationAsync(cancellationToken).ConfigureAwait(false);
        if (info.Endpoints.Compute is not null)
        {
            await Compute.NegotiateAsync(cancellationToken).ConfigureAwait(false);
        }

        return info;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _http.Dispose();
        _tokens.Dispose();
    }

    private static SocketsHttpHandler CreateHandler(OpenStackConnectionOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.RequestTimeout,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.ExtraCaCertificates is { Count: > 0 } extra)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedWithExtraRoots(certificate, errors, extra);
        }

        return handler;
    }

    private static bool TrustedWithExtraRoots(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only chain errors may be cured by our roots; a name mismatch never is.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is not X509Certificate2 leaf)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        return chain.Build(leaf);
    }
}
