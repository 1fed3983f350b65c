using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudPe.Sandbox;

/// <summary>Parses the sandbox's command line.</summary>
internal static partial class SandboxArguments
{
    public const string Usage = """
        usage: dotnet run --project src/CloudPe.Sandbox [-- OPTIONS]
          --kubeconfig PATH        where to write the kubeconfig (default .sandbox/kubeconfig)
          --port N                 Kubernetes API port (default 6443; 0 picks a free port)
          --sim-port N             CloudPe simulator port (default 0: a free port)
          --build-latency 3s       how long a new VM builds (ms, s, m)
          --action-latency 1s      how long start/stop/reboot take
          --log-level LEVEL        operator log level: Debug, Information (default), Warning, Error
          --cloud-endpoint H:P     use this CloudPe/OpenStack cloud instead of the simulator; the application
                                   credential comes from CLOUDPE_APP_CRED_ID and CLOUDPE_APP_CRED_SECRET
          --cloud-project-path P   the cloud's project path (default /openstack/14)
          --cloud-insecure         talk plain HTTP to the cloud (default HTTPS)
          -h, --help               this text
        """;

    private static readonly string[] LogLevels = ["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"];

    /// <summary>The options, or an error message that names the bad argument; <c>(null, null)</c> means help was asked for.</summary>
    public static (SandboxOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SandboxOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, null);
            }

            if (name == "--cloud-insecure")
            {
                options.CloudInsecure = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            string? error = name switch
            {
                "--kubeconfig" => Set(() => options.KubeconfigPath = value),
                "--port" => ParsePort(value, p => options.Port = p),
                "--sim-port" => ParsePort(value, p => options.SimulatorPort = p),
                "--build-latency" => ParseDuration(value, d => options.BuildLatency = d),
                "--action-latency" => ParseDuration(value, d => options.ActionLatency = d),
                "--log-level" => ParseLogLevel(value, l => options.LogLevel = l),
                "--cloud-endpoint" => Set(() => options.CloudEndpoint = value),
                "--cloud-project-path" => Set(() => options.CloudProjectPath = value),
                _ => $"unknown option {name}",
            };
            if (error is not null)
            {
                return (null, error.StartsWith("unknown", StringComparison.Ordinal) ? error : $"{name}: {error}");
            }
        }

        return (options, null);
    }

    private static string? Set(Action set)
    {
        set();
        return null;
    }

    private static string? ParsePort(string text, Action<int> set)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return $"'{text}' is not a port (0-65535)";
        }

        set(port);
        return null;
    }

    private static string? ParseDuration(string text, Action<TimeSpan> set)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return $"'{text}' is not a duration such as 200ms, 3s or 1m";
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        set(match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            _ => TimeSpan.FromMinutes(amount),
        });
        return null;
    }

    private static string? ParseLogLevel(string text, Action<string> set)
    {
        var level = LogLevels.FirstOrDefault(l => l.Equals(text, StringComparison.OrdinalIgnoreCase)
            || (text.Equals("Trace", StringComparison.OrdinalIgnoreCase) && l == "Verbose"));
        if (level is null)
        {
            return $"'{text}' is not one of {string.Join(", ", LogLevels)}";
        }

        set(level);
        return null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m)$")]
    private static partial Regex DurationPattern();
}
