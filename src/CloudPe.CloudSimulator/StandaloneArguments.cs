using System.Globalization;

namespace CloudPe.CloudSimulator;

/// <summary>Command-line options of the standalone simulator.</summary>
internal static class StandaloneArguments
{
    public const string Usage = """
        usage: CloudPe.CloudSimulator [--port N] [--listen 127.0.0.1] [--project-path /openstack/14] [--region RegionOne]
                                      [--seed N] [--no-inventory] [--token-lifetime 1h]
                                      [--build-latency 2s] [--action-latency 1s] [--resize-latency 3s]
                                      [--delete-latency 1s] [--extend-latency 1s] [--request-latency 50ms]
        durations: 250ms, 2s, 5m, 1h or hh:mm:ss
        """;

    public static SimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-inventory")
            {
                options.SeedInventory = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port): options.Port = port; break;
                case "--listen": options.ListenAddress = value; break;
                case "--project-path": options.ProjectPath = value; break;
                case "--region": options.Region = value; break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var seed): options.Seed = seed; break;
                case "--token-lifetime" when Duration(value) is { } d: options.TokenLifetime = d; break;
                case "--build-latency" when Duration(value) is { } d: options.Latencies.Build = d; break;
                case "--action-latency" when Duration(value) is { } d: options.Latencies.Action = d; break;
                case "--resize-latency" when Duration(value) is { } d: options.Latencies.Resize = d; break;
                case "--delete-latency" when Duration(value) is { } d: options.Latencies.Delete = d; break;
                case "--extend-latency" when Duration(value) is { } d: options.Latencies.VolumeExtend = d; break;
                case "--request-latency" when Duration(value) is { } d: options.Latencies.Request = d; break;
                default: return null;
            }
        }

        return options;
    }

    public static TimeSpan? Duration(string text)
    {
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
            {
                return make(amount);
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }
}
