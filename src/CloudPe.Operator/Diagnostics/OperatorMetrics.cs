using System.Diagnostics.Metrics;
using Prometheus;

namespace CloudPe.Operator.Diagnostics;

/// <summary>
/// The operator's Prometheus registry (one per host, so embedded hosts do not share series): reconciles by
/// controller and result, OpenStack requests by service, method, route and status (both bridged from their
/// Meters), and the <c>cloudpe_vms</c> gauge by phase.
/// </summary>
public sealed class OperatorMetrics : IDisposable
{
    private readonly MeterBridge _bridge;
    private readonly Gauge _vms;

    /// <summary>Creates the registry and starts listening to the Meters.</summary>
    /// <param name="meterFactory">The host's meter factory; only the controller Meter it created is bridged.</param>
    public OperatorMetrics(IMeterFactory? meterFactory)
    {
        Registry = Metrics.NewCustomRegistry();
        _vms = Metrics.WithCustomRegistry(Registry).CreateGauge("cloudpe_vms", "CloudPeVMs by phase, as last seen by the CloudPeVM controller.", labelNames: ["phase"]);
        _bridge = new MeterBridge(Registry, meterFactory);
    }

    /// <summary>The registry served on <c>/metrics</c>.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Sets the number of CloudPeVMs in <paramref name="phase"/> (called by the CloudPeVM controller).</summary>
    public void SetVmsInPhase(string phase, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(phase);
        _vms.WithLabels(phase).Set(count);
    }

    /// <inheritdoc />
    public void Dispose() => _bridge.Dispose();
}
