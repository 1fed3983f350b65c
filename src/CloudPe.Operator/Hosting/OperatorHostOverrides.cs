using CloudPe.Operator.Cloud;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudPe.Operator.Hosting;

/// <summary>What an embedding process (sandbox, tests, benchmarks) replaces when it runs the operator in-process.</summary>
public sealed class OperatorHostOverrides
{
    /// <summary>The API server to talk to; default: in-cluster, else KUBECONFIG or ~/.kube/config.</summary>
    public KubernetesClientConfiguration? KubernetesConfiguration { get; init; }

    /// <summary>The clock of every operator timer (inventory refresh, back-off, resync, tokens).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Configuration values applied last, e.g. <c>["Operator:HttpPort"] = "0"</c>.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>An extra Serilog logger that receives every log event (e.g. to scan for secrets).</summary>
    public Serilog.ILogger? LogSink { get; init; }

    /// <summary>An extra Microsoft.Extensions.Logging provider that receives every log event.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>Whether logs go to the console (default true).</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>Replaces the OpenStack HTTP stack, timeouts and retries.</summary>
    public CloudConnectionSettings? CloudConnections { get; init; }

    /// <summary>When true no HTTP port is opened (no /metrics, /healthz, /readyz).</summary>
    public bool DisableHttp { get; init; }

    /// <summary>Whether the CloudPeVM controller runs (default true); false runs only the CloudPeServer controller.</summary>
    public bool RunVmController { get; init; } = true;

    /// <summary>Last-chance service changes (applied after every operator registration).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
