using System.Net;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Api;
using CloudPe.KubeEmulator.Auth;
using CloudPe.KubeEmulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudPe.KubeEmulator;

/// <summary>An in-memory Kubernetes API server on loopback that kubectl and KubernetesClient accept.</summary>
public sealed class KubeEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CertificateAuthority? _ca;

    private KubeEmulatorHost(WebApplication app, EmulatorState state, CertificateAuthority? ca, Uri baseUri)
    {
        _app = app;
        _state = state;
        _ca = ca;
        BaseUri = baseUri;
    }

    /// <summary>Where the API is served, e.g. <c>https://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>A token with full access (like system:masters).</summary>
    public string AdminToken => _state.Tokens.AdminToken;

    /// <summary>The generated CA in PEM form (empty without TLS).</summary>
    public string CaCertificatePem => _ca?.CaPem ?? "";

    /// <summary>Counters and fault injection.</summary>
    public EmulatorAdmin Admin => _state.Admin;

    /// <summary>Starts the emulator; throws <see cref="IOException"/> when the port is taken.</summary>
    public static async Task<KubeEmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        var state = new EmulatorState(options);
        // Certificates follow the real clock: TLS peers check validity against it, not against a test clock.
        var ca = options.UseTls ? CertificateAuthority.Create(DateTimeOffset.UtcNow) : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            k.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                if (ca is not null)
                {
                    listen.UseHttps(ca.Server);
                }
            });
        });
        var app = builder.Build();
        var router = new ApiRouter(state);
        app.Run(router.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            await state.DisposeAsync();
            ca?.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
        var baseUri = new Uri($"{(ca is null ? "http" : "https")}://{options.ListenAddress}:{port}");
        state.ServerAddress = $"{options.ListenAddress}:{port}";
        var host = new KubeEmulatorHost(app, state, ca, baseUri);
        host.Seed();
        return host;
    }

    /// <summary>Kubeconfig text with the CA embedded and the given token (admin by default).</summary>
    public string KubeconfigYaml(string? token = null, string @namespace = "default") =>
        KubeconfigText.Build(BaseUri, _ca?.CaPem, token ?? AdminToken, @namespace);

    /// <summary>Writes <see cref="KubeconfigYaml"/> to <paramref name="path"/> and returns the full path.</summary>
    public string WriteKubeconfig(string path, string? token = null, string @namespace = "default")
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(full, KubeconfigYaml(token, @namespace));
        return full;
    }

    /// <summary>A token authenticated as <c>system:serviceaccount:ns:name</c>, authorised by the stored RBAC objects.</summary>
    public string IssueServiceAccountToken(string @namespace, string serviceAccountName) =>
        _state.Tokens.Issue(Identity.ServiceAccount(@namespace, serviceAccountName));

    /// <summary>Stops serving; open watches end.</summary>
    public async ValueTask DisposeAsync()
    {
        _state.Store.CloseAllWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _state.DisposeAsync();
        _ca?.Dispose();
    }

    private void Seed()
    {
        var nsType = _state.Registry.Find("", "v1", "namespaces")!;
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var req = new ApiRequest(nsType, null, null, null, new Microsoft.AspNetCore.Http.QueryCollection(), Identity.Admin);
            _state.Writes.Create(req, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }
}
