using System.Globalization;
using CloudPe.Reliability.Tests.Harness;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>
/// The long form: <c>--long [--seed N] [--duration 10m]</c>. Alternates random crash points and 200-VM fleet rounds
/// under cloud faults until the duration is used up, then prints the tally and the secret scan. Exit code 1 when any
/// invariant was violated or a secret leaked.
/// </summary>
internal static class LongRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var seed = int.Parse(Value(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var duration = ParseDuration(Value(args, "--duration") ?? "10m");
        var fleet = int.Parse(Value(args, "--fleet") ?? "200", CultureInfo.InvariantCulture);
        var until = DateTimeOffset.UtcNow + duration;
        var tally = new ScenarioTally();
        var violations = new List<string>();
        var leaks = new List<string>();
        Console.WriteLine($"reliability long form: seed {seed}, duration {duration}, fleet {fleet}");
        for (var round = 0; DateTimeOffset.UtcNow < until; round++)
        {
            await using (var world = await World.StartAsync(new WorldOptions { Seed = seed + round }))
            {
                var crashes = new CrashScenarios(world, tally);
                await crashes.PrepareAsync();
                for (var i = 0; i < 25 && DateTimeOffset.UtcNow < until; i++)
                {
                    violations.AddRange(await crashes.RunAsync(CrashPlan.Random(world.Random)));
                }

                leaks.AddRange(await world.ScanForSecretsAsync());
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                break;
            }

            await using (var world = await World.StartAsync(new WorldOptions { Seed = seed + round, MaxConcurrentReconciles = 8 }))
            {
                violations.AddRange(await new FleetUnderFaults(world, tally).RunAsync(fleet, TimeSpan.FromMinutes(5)));
                leaks.AddRange(await world.ScanForSecretsAsync());
                tally.Add("OpenStack requests", world.CloudRequests.Total);
            }

            tally.Add("rounds");
            Console.WriteLine($"after round {round + 1}: {tally}; violations {violations.Count}; secret hits {leaks.Count}");
        }

        Console.WriteLine($"done: {tally}");
        foreach (var line in violations.Concat(leaks))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"invariant violations {violations.Count}, secret hits {leaks.Count}");
        return violations.Count + leaks.Count == 0 ? 0 : 1;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static TimeSpan ParseDuration(string text) => text[^1] switch
    {
        's' => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        'm' => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        'h' => TimeSpan.FromHours(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
    };
}
