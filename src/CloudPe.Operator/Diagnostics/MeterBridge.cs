using System.Diagnostics.Metrics;
using CloudPe.OpenStack;
using Prometheus;

namespace CloudPe.Operator.Diagnostics;

/// <summary>
/// Copies the measurements of the controller runtime's Meter (only the one this host's meter factory created) and
/// the OpenStack client's Meter into Prometheus series with stable names and labels.
/// </summary>
internal sealed class MeterBridge : IDisposable
{
    private const string ControllersMeter = "CloudPe.Controllers";
    private readonly MeterListener _listener = new();
    private readonly Counter _reconciles;
    private readonly Histogram _reconcileDuration;
    private readonly Gauge _queueDepth;
    private readonly Counter _openStackRequests;
    private readonly Histogram _openStackDuration;

    public MeterBridge(CollectorRegistry registry, IMeterFactory? scope)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _reconciles = factory.CreateCounter("cloudpe_reconciles_total", "Reconciles finished, by controller and result.", ["controller", "result"]);
        _reconcileDuration = factory.CreateHistogram("cloudpe_reconcile_duration_seconds", "Time spent in one reconcile.", ["controller"]);
        _queueDepth = factory.CreateGauge("cloudpe_workqueue_depth", "Keys waiting to be reconciled.", ["controller"]);
        _openStackRequests = factory.CreateCounter("cloudpe_openstack_requests_total", "HTTP requests to OpenStack, by service, method, route and status.", ["service", "method", "route", "status"]);
        _openStackDuration = factory.CreateHistogram("cloudpe_openstack_request_duration_seconds", "Duration of HTTP requests to OpenStack.", ["service", "method", "status"]);

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var wanted = instrument.Meter.Name == OpenStackTelemetry.MeterName
                || (instrument.Meter.Name == ControllersMeter && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)));
            if (wanted)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();

        // Observable instruments (queue depth) report when asked: ask right before every scrape.
        registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (instrument)
        {
            case "controller.reconcile.count":
                _reconciles.WithLabels(Tag(tags, "controller"), Tag(tags, "result")).Inc(value);
                break;
            case "controller.reconcile.duration":
                _reconcileDuration.WithLabels(Tag(tags, "controller")).Observe(value);
                break;
            case "controller.workqueue.depth":
                _queueDepth.WithLabels(Tag(tags, "controller")).Set(value);
                break;
            case OpenStackTelemetry.RequestsInstrument:
                _openStackRequests.WithLabels(Tag(tags, "service"), Tag(tags, "method"), Tag(tags, "route"), Tag(tags, "status")).Inc(value);
                break;
            case OpenStackTelemetry.DurationInstrument:
                _openStackDuration.WithLabels(Tag(tags, "service"), Tag(tags, "method"), Tag(tags, "status")).Observe(value);
                break;
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString() ?? "";
            }
        }

        return "";
    }
}
