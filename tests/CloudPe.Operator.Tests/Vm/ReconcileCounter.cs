using System.Diagnostics.Metrics;

namespace CloudPe.Operator.Tests.Vm;

/// <summary>Counts finished reconciles of one controller of one operator host (its own Meter scope).</summary>
internal sealed class ReconcileCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ReconcileCounter(IMeterFactory? scope, string controller)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "CloudPe.Controllers" && instrument.Name == "controller.reconcile.count" && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "controller" && (string?)tag.Value == controller)
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
