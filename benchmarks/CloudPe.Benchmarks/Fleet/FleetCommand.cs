using System.Globalization;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>The <c>fleet</c> command: every size × server count, one table on stdout and in benchmarks/results/.</summary>
internal static class FleetCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        FleetArguments options;
        try
        {
            options = FleetArguments.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\nUsage: fleet [--sizes 100,1000] [--servers 1,10] [--build-latency 30s] [--resyncs 3] [--resync-interval 10s] [--concurrency 4] [--page-size 100]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var results = new List<FleetResult>();
        foreach (var size in options.Sizes)
        {
            foreach (var servers in options.Servers)
            {
                Console.Error.WriteLine($"fleet: {size} VMs over {servers} CloudPeServer(s)");
                results.AddRange(await new FleetScenario(options, Console.Error).RunAsync(size, servers, stop.Token));
            }
        }

        var table = FleetTable.Format(results, options);
        Console.WriteLine(table);
        Directory.CreateDirectory(options.ResultsDirectory);
        var path = Path.Combine(options.ResultsDirectory, $"fleet-{DateTime.UtcNow.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(path, "# Fleet benchmark\n\n" + table);
        Console.Error.WriteLine($"fleet: table written to {path}");
        return 0;
    }
}
