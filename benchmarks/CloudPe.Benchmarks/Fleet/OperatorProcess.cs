using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CloudPe.Operator.Fleet;
using CloudPe.Operator.Hosting;
using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// The <c>operator-process</c> mode: the operator alone in this process (production defaults except the knobs
/// given), answering <c>polls</c> (fleet lists so far) and <c>stats</c> (memory after a full GC) on stdin.
/// It runs as the image does in a pod: the HTTP endpoints (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>) are
/// served (on a loopback port), and the API connection is configured from its address and token, as the in-cluster
/// configuration does, without reading a kubeconfig file (whose YAML model a pod never loads).
/// </summary>
internal static class OperatorProcess
{
    public const string Mode = "operator-process";

    /// <summary>The API token reaches the child in its environment, not on its command line.</summary>
    public const string TokenVariable = "CLOUDPE_BENCH_API_TOKEN";

    /// <summary>The API server's CA certificate (PEM), as a pod finds it in its service account volume.</summary>
    public const string CaVariable = "CLOUDPE_BENCH_API_CA";

    public static IEnumerable<string> Arguments(FleetWorld world, FleetArguments fleet, int servers) =>
    [
        "--api-url", world.Api.BaseUri.ToString(),
        "--resync-interval", fleet.ResyncInterval.ToString("c", CultureInfo.InvariantCulture),
        "--page-size", fleet.PageSize.ToString(CultureInfo.InvariantCulture),
        "--concurrency", fleet.Concurrency.ToString(CultureInfo.InvariantCulture),
        "--servers", servers.ToString(CultureInfo.InvariantCulture),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = Options(args);
        var servers = int.Parse(options["--servers"], CultureInfo.InvariantCulture);
        var app = OperatorHost.Create([], new OperatorHostOverrides
        {
            KubernetesConfiguration = new KubernetesClientConfiguration
            {
                Host = options["--api-url"],
                AccessToken = Environment.GetEnvironmentVariable(TokenVariable),
                SslCaCerts = [X509Certificate2.CreateFromPem(Environment.GetEnvironmentVariable(CaVariable))],
                Namespace = FleetWorld.Namespace,
            },
            Settings = new Dictionary<string, string?>
            {
                ["Operator:HttpPort"] = "0",
                ["Operator:LeaderElection:Enabled"] = "false",
                ["Operator:ResyncInterval"] = options["--resync-interval"],
                ["Operator:FleetPageSize"] = options["--page-size"],
                ["Operator:MaxConcurrentReconciles"] = options["--concurrency"],
                ["Operator:LogFormat"] = "json",
            },
            ConsoleLogging = false,
        });
        await using (app)
        {
            await app.StartAsync();
            var fleet = app.Services.GetRequiredService<FleetSnapshots>();
            Console.WriteLine("ready");
            while (await Console.In.ReadLineAsync() is { } command && command != "quit")
            {
                var polls = Enumerable.Range(0, servers).Sum(i => fleet.Polls($"{FleetWorld.Namespace}/{FleetWorld.ServerName(i)}"));
                Console.WriteLine(command == "stats" ? ProcessStats.Measure(polls) : string.Create(CultureInfo.InvariantCulture, $"polls {polls}"));
            }

            await app.StopAsync();
        }

        return 0;
    }

    internal static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
