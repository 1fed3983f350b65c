using System.Diagnostics.Metrics;
using CloudPe.OpenStack;
using Prometheus;

namespace CloudPe.Operator.Diagnostics;

/// <summary>
/// The operator's Prometheus registry (one per host, so embedded hosts do not share series). It bridges the
/// controller runtime's Meter (reconciles by controller and result, queue depth, durations) and the OpenStack
/// client's Meter (requests by service, method, route and status), and owns the <c>cloudpe_vms</c> gauge.
/// </summary>
public sealed class OperatorMetrics : IDisposable
{
    private const string ControllersMeter = "CloudPe.Controllers";
    private readonly IDisposable _bridge;
    private readonly Gauge _vms;

    /// <summary>Creates the registry and starts listening to the Meters.</summary>
    /// <param name="meterFactory">The host's meter factory; only the controller Meter it created is bridged.</param>
    public OperatorMetrics(IMeterFactory? meterFactory)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _vms = factory.CreateGauge("cloudpe_vms", "CloudPeVMs by phase, as last seen by the CloudPeVM controller.", labelNames: ["phase"]);
        _bridge = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            InstrumentFilterPredicate = instrument =>
                instrument.Meter.Name == OpenStackTelemetry.MeterName
                || (instrument.Meter.Name == ControllersMeter && (meterFactory is null || ReferenceEquals(instrument.Meter.Scope, meterFactory))),
        });
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
