using System.Globalization;
using CloudPe.Operator.Fleet;
using CloudPe.Operator.Hosting;
using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// The <c>operator-process</c> mode: the operator alone in this process (production defaults except the knobs
/// given), answering <c>polls</c> (fleet lists so far) and <c>stats</c> (memory after a full GC) on stdin.
/// </summary>
internal static class OperatorProcess
{
    public const string Mode = "operator-process";

    public static IEnumerable<string> Arguments(string kubeconfig, FleetArguments fleet, int servers) =>
    [
        "--kubeconfig", kubeconfig,
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
            KubernetesConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigFile(options["--kubeconfig"]),
            Settings = new Dictionary<string, string?>
            {
                ["Operator:LeaderElection:Enabled"] = "false",
                ["Operator:ResyncInterval"] = options["--resync-interval"],
                ["Operator:FleetPageSize"] = options["--page-size"],
                ["Operator:MaxConcurrentReconciles"] = options["--concurrency"],
                ["Operator:LogFormat"] = "json",
            },
            ConsoleLogging = false,
            DisableHttp = true,
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
