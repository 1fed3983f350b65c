using System.Net;
using CloudPe.CloudSimulator.Api;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CloudPe.CloudSimulator;

/// <summary>A running CloudPe simulator: one project behind a path prefix on a loopback Kestrel server.</summary>
public sealed class CloudSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CloudSimulatorHost(WebApplication app, CloudState state, SimulatorCredential credential, SimulatorAdmin admin, string host, int port)
    {
        _app = app;
        Admin = admin;
        Endpoint = $"{host}:{port}";
        ProjectPath = state.Options.ProjectPath;
        BaseUri = new Uri($"http://{Endpoint}/");
        AuthUrl = new Uri(BaseUri, ProjectPath.TrimStart('/') + "/v3");
        ProjectId = state.ProjectId;
        ApplicationCredentialId = credential.Id;
        ApplicationCredentialSecret = credential.Secret;
    }

    /// <summary>"127.0.0.1:PORT", what a CloudPeServer puts in <c>spec.endpoint</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The project path prefix, e.g. "/openstack/14", or "/" for a plain OpenStack layout.</summary>
    public string ProjectPath { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; }

    /// <summary>Keystone v3 URL: http://127.0.0.1:PORT/openstack/14/v3</summary>
    public Uri AuthUrl { get; }

    /// <summary>The simulated project's ID.</summary>
    public string ProjectId { get; }

    /// <summary>ID of the application credential seeded at start.</summary>
    public string ApplicationCredentialId { get; }

    /// <summary>Secret of the application credential seeded at start.</summary>
    public string ApplicationCredentialSecret { get; }

    /// <summary>Fault injection, counters and state inspection.</summary>
    public SimulatorAdmin Admin { get; }

    /// <summary>Starts a simulator and returns once it accepts connections.</summary>
    public static async Task<CloudSimulatorHost> StartAsync(SimulatorOptions? options = null, CancellationToken ct = default)
    {
        var settings = Normalize(options ?? new SimulatorOptions());
        if (!IPAddress.TryParse(settings.ListenAddress, out var address))
        {
            throw new ArgumentException($"ListenAddress must be an IP address, got '{settings.ListenAddress}'.", nameof(options));
        }

        var state = new CloudState(settings);
        var credential = state.AddCredential();
        var counters = new RequestCounters();
        var faults = new FaultInjector(settings.Seed);
        var admin = new SimulatorAdmin(state, counters, faults);
        var pipeline = new SimulatorPipeline(state, counters, faults);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CloudSimulatorHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, settings.Port));
        var app = builder.Build();

        var root = settings.ProjectPath.TrimEnd('/');
        app.Use((context, next) =>
        {
            context.Response.Headers["x-openstack-request-id"] = "req-" + Guid.NewGuid().ToString("D");
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith(root + "/internal/", StringComparison.Ordinal))
            {
                // Internal catalog URLs reach the same services.
                context.Request.Path = root + path[(root.Length + "/internal".Length)..];
            }

            return next(context);
        });
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);

        var map = new ApiRouteMap(app, state);
        IdentityApi.Map(map);
        ComputeApi.Map(map);
        NetworkApi.Map(map);
        VolumeApi.Map(map);
        ImageApi.Map(map);
        AdminApi.Map(app, admin);
        app.MapFallback(context => new TextReply(404, "404 Not Found\n\nThe resource could not be found.\n\n   ").ExecuteAsync(context));

        await app.StartAsync(ct);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The simulator did not report its address.");
        var port = new Uri(bound).Port;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        lock (state.Sync)
        {
            state.Origin = $"http://{host}:{port}";
        }

        return new CloudSimulatorHost(app, state, credential, admin, host, port);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static SimulatorOptions Normalize(SimulatorOptions options)
    {
        // "/" is a plain OpenStack without a prefix; the services then live at /v3, /compute, ... next to /_sim.
        var path = "/" + options.ProjectPath.Trim().Trim('/');
        if (path.StartsWith("/_sim", StringComparison.Ordinal))
        {
            throw new ArgumentException("ProjectPath must be \"/\" or a path outside /_sim.", nameof(options));
        }

        return new SimulatorOptions
        {
            ProjectPath = path,
            Region = options.Region,
            ListenAddress = options.ListenAddress,
            Port = options.Port,
            TimeProvider = options.TimeProvider,
            TokenLifetime = options.TokenLifetime,
            Latencies = options.Latencies.Clone(),
            Seed = options.Seed,
            SeedInventory = options.SeedInventory,
        };
    }
}
