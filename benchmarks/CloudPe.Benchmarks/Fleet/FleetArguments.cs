using System.Globalization;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>Options of the <c>fleet</c> command.</summary>
internal sealed class FleetArguments
{
    public IReadOnlyList<int> Sizes { get; private set; } = [100, 1000];

    public IReadOnlyList<int> Servers { get; private set; } = [1, 10];

    public TimeSpan BuildLatency { get; private set; } = TimeSpan.FromSeconds(30);

    public int Resyncs { get; private set; } = 3;

    public TimeSpan ResyncInterval { get; private set; } = TimeSpan.FromSeconds(10);

    public int Concurrency { get; private set; } = new CloudPe.Operator.Hosting.OperatorOptions().MaxConcurrentReconciles;

    public int PageSize { get; private set; } = 100;

    /// <summary>Parallel creates, like several <c>kubectl apply</c> at once.</summary>
    public int ApplyParallelism { get; private set; } = 8;

    /// <summary>Which rows to run: the operator alone, or with the naive baseline (the default; the table compares them).</summary>
    public IReadOnlyList<string> Modes { get; private set; } = ["operator", "baseline"];

    /// <summary>Runtime settings for the operator process on top of the image's (e.g. DOTNET_EnableWriteXorExecute=1).</summary>
    public IReadOnlyList<(string Name, string Value)> RuntimeEnvironment { get; private set; } = [];

    public string ResultsDirectory { get; private set; } = Path.Combine("benchmarks", "results");

    public static FleetArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new FleetArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--sizes": parsed.Sizes = Ints(value); break;
                case "--servers": parsed.Servers = Ints(value); break;
                case "--build-latency": parsed.BuildLatency = Duration(value); break;
                case "--resyncs": parsed.Resyncs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--resync-interval": parsed.ResyncInterval = Duration(value); break;
                case "--concurrency": parsed.Concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--page-size": parsed.PageSize = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--apply-parallelism": parsed.ApplyParallelism = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--results": parsed.ResultsDirectory = value; break;
                case "--runtime-env": parsed.RuntimeEnvironment = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Setting)]; break;
                case "--modes": parsed.Modes = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (parsed.Resyncs < 1 || parsed.Concurrency < 1 || parsed.PageSize < 1 || parsed.Sizes.Any(n => n < 1) || parsed.Servers.Any(s => s < 1))
        {
            throw new ArgumentException("--resyncs, --concurrency, --page-size, --sizes and --servers must be positive.");
        }

        // The baseline polls the servers the operator's row created, so the operator row always runs.
        if (!parsed.Modes.Contains("operator") || parsed.Modes.Any(m => m is not ("operator" or "baseline")))
        {
            throw new ArgumentException($"--modes takes operator or operator,baseline, not '{string.Join(",", parsed.Modes)}'.");
        }

        return parsed;
    }

    /// <summary>"2s", "500ms", "1m" or a TimeSpan ("00:00:02").</summary>
    public static TimeSpan Duration(string text)
    {
        if (text.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture));
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
            'm' => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
            _ => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
        };
    }

    private static (string Name, string Value) Setting(string text) =>
        text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
            ? (text[..eq], text[(eq + 1)..])
            : throw new ArgumentException($"--runtime-env takes NAME=VALUE pairs separated by commas, not '{text}'.");

    private static int[] Ints(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))];
}
