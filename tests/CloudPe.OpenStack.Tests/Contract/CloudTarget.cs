using CloudPe.CloudSimulator;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>
/// The cloud a contract test runs against: the in-process simulator by default, or a real OpenStack when
/// CLOUDPE_TEST_ENDPOINT (+ _PROJECT_PATH, _APP_CRED_ID, _APP_CRED_SECRET, _SECURE, _REGION) is set.
/// </summary>
internal sealed class CloudTarget : IAsyncDisposable
{
    private readonly List<OpenStackConnection> _connections = [];

    private CloudTarget(CloudSimulatorHost? simulator, string endpoint, string projectPath, bool secure, string credentialId, string secret, string? region)
    {
        Simulator = simulator;
        Endpoint = endpoint;
        ProjectPath = projectPath;
        Secure = secure;
        CredentialId = credentialId;
        Secret = secret;
        Region = region;
    }

    public static bool IsRealCloud => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLOUDPE_TEST_ENDPOINT"));

    public CloudSimulatorHost? Simulator { get; }

    public string Endpoint { get; }

    public string ProjectPath { get; }

    public bool Secure { get; }

    public string CredentialId { get; }

    public string Secret { get; }

    public string? Region { get; }

    /// <summary>
    /// Starts the in-process simulator for a test that needs its fault injection, counters or admin API;
    /// against a real cloud the test is skipped here, before it does any cloud work, with the reason printed.
    /// </summary>
    public static Task<CloudTarget> StartSimulatorAsync(string why) =>
        IsRealCloud ? throw SkipReal(why) : StartAsync();

    /// <summary>The simulator's admin API; skips the test (with the reason printed) against a real cloud.</summary>
    public SimulatorAdmin Admin => Simulator?.Admin ?? throw SkipReal("needs the simulator's fault injection and counters");

    public static async Task<CloudTarget> StartAsync(TimeProvider? time = null)
    {
        if (IsRealCloud)
        {
            string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"{name} must be set with CLOUDPE_TEST_ENDPOINT.");
            return new CloudTarget(
                null,
                Required("CLOUDPE_TEST_ENDPOINT"),
                Environment.GetEnvironmentVariable("CLOUDPE_TEST_PROJECT_PATH") ?? "/",
                !string.Equals(Environment.GetEnvironmentVariable("CLOUDPE_TEST_SECURE"), "false", StringComparison.OrdinalIgnoreCase),
                Required("CLOUDPE_TEST_APP_CRED_ID"),
                Required("CLOUDPE_TEST_APP_CRED_SECRET"),
                Environment.GetEnvironmentVariable("CLOUDPE_TEST_REGION"));
        }

        var simulator = await CloudSimulatorHost.StartAsync(new SimulatorOptions { TimeProvider = time ?? TimeProvider.System, Seed = 42 });
        return new CloudTarget(simulator, simulator.Endpoint, simulator.ProjectPath, false, simulator.ApplicationCredentialId, simulator.ApplicationCredentialSecret, null);
    }

    /// <summary>Starts a simulator driven by a fake clock; skips against a real cloud, whose clock cannot be moved.</summary>
    public static async Task<CloudTarget> StartWithClockAsync(TimeProvider time)
    {
        if (IsRealCloud)
        {
            throw SkipReal("moves the cloud's clock");
        }

        return await StartAsync(time);
    }

    public OpenStackConnectionOptions Options(string? secret = null, TimeSpan? retryBaseDelay = null, TimeSpan? requestTimeout = null, int? maxRetries = null) => new()
    {
        Endpoint = Endpoint,
        ProjectPath = ProjectPath,
        Secure = Secure,
        ApplicationCredentialId = CredentialId,
        ApplicationCredentialSecret = secret ?? Secret,
        Region = Region,
        RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromMilliseconds(10),
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        MaxRetries = maxRetries ?? 3,
    };

    public OpenStackConnection Connect(TimeProvider? time = null, ILoggerFactory? loggers = null, OpenStackConnectionOptions? options = null)
    {
        var connection = new OpenStackConnection(options ?? Options(), loggers, time);
        _connections.Add(connection);
        return connection;
    }

    public long Count(string routeKey) => Admin.Counters.ByRoute.TryGetValue(routeKey, out var count) ? count : 0;

    public async ValueTask DisposeAsync()
    {
        if (Simulator is null && _connections.Count > 0)
        {
            // Tests dispose their own connections, so the clean-up uses one of its own.
            using var cleaner = new OpenStackConnection(Options());
            foreach (var connection in _connections)
            {
                await RemoveLeftoversAsync(cleaner, RunTags.For(connection));
            }
        }

        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }

    /// <summary>On a real cloud, deletes the servers and ports a test tagged with <paramref name="tag"/> (best effort).</summary>
    private static async Task RemoveLeftoversAsync(OpenStackConnection connection, string tag)
    {
        try
        {
            await foreach (var server in connection.Compute.ListServersDetailAsync(new Compute.ServerListQuery { Tags = [tag] }))
            {
                await connection.Compute.DeleteServerAsync(server.Id);
            }

            foreach (var port in await connection.Networking.ListPortsAsync(new Networking.PortQuery(Tags: [tag])))
            {
                await connection.Networking.DeletePortAsync(port.Id);
            }
        }
        catch (OpenStackException)
        {
            // Clean-up must not hide the test's own outcome.
        }
    }

    private static Exception SkipReal(string why)
    {
        Assert.Skip($"Runs only against the simulator: this test {why}; CLOUDPE_TEST_ENDPOINT points at a real cloud.");
        return new InvalidOperationException("unreachable");
    }
}
