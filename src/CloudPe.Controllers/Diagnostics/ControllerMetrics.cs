using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CloudPe.Controllers;

/// <summary>Instruments of the Meter <c>CloudPe.Controllers</c>: queue depth, reconcile counts, durations and errors.</summary>
internal sealed class ControllerMetrics : IDisposable
{
    public const string MeterName = "CloudPe.Controllers";
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<string, Func<int>> _depths = new();

    public ControllerMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Reconciles = _meter.CreateCounter<long>("controller.reconcile.count", description: "Reconciles finished, by controller and result.");
        Errors = _meter.CreateCounter<long>("controller.reconcile.errors", description: "Reconciles that threw.");
        Duration = _meter.CreateHistogram<double>("controller.reconcile.duration", unit: "s", description: "Time spent in a reconcile.");
        _meter.CreateObservableGauge(
            "controller.workqueue.depth",
            () => _depths.Select(p => new Measurement<int>(p.Value(), new KeyValuePair<string, object?>("controller", p.Key))),
            description: "Keys waiting to be reconciled.");
    }

    public Counter<long> Reconciles { get; }

    public Counter<long> Errors { get; }

    public Histogram<double> Duration { get; }

    public void TrackQueue(string controller, Func<int> depth) => _depths[controller] = depth;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
