using System.Diagnostics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers;

/// <summary>Work queue plus workers for one primary resource type.</summary>
internal sealed partial class Controller<TResource> : IControllerRunner, IDisposable
    where TResource : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ControllerOptions _options;
    private readonly IReconciler<TResource> _reconciler;
    private readonly Informer<TResource> _informer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerMetrics _metrics;
    private readonly OwnWrites? _ownWrites;

    public Controller(
        string name,
        ControllerOptions options,
        IReconciler<TResource> reconciler,
        Informer<TResource> informer,
        TimeProvider time,
        ILogger logger,
        ControllerMetrics metrics,
        OwnWrites? ownWrites = null)
    {
        _ownWrites = ownWrites;
        _ownWrites?.CheckedBy(Resource.Kind);
        Name = name;
        _options = options;
        _reconciler = reconciler;
        _informer = informer;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        Queue = new WorkQueue<ReconcileRequest>(time, options.BackoffBase, options.BackoffMax, options.RateLimitQps, options.RateLimitBurst);
        metrics.TrackQueue(name, () => Queue.Depth);
        informer.AddHandler((old, current) => Enqueue(current ?? old));
    }

    public string Name { get; }

    public WorkQueue<ReconcileRequest> Queue { get; }

    public ResourceMetadata Resource { get; } = ResourceMetadata.Of<TResource>();

    public void Enqueue(IKubernetesObject<V1ObjectMeta>? obj)
    {
        if (obj?.Metadata?.Name is not null)
        {
            Queue.Add(ObjectKey.Request(obj));
        }
    }

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        // A new leader starts from the full picture, not only from changes it saw.
        EnqueueAll();

        var tasks = Enumerable.Range(0, _options.MaxConcurrentReconciles)
            .Select(_ => Task.Run(() => WorkAsync(stopTaking, abort), CancellationToken.None))
            .ToList();
        if (_options.ResyncPeriod is { } period)
        {
            tasks.Add(Task.Run(() => ResyncAsync(period, stopTaking), CancellationToken.None));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public void Dispose() => Queue.Dispose();

    private async Task ResyncAsync(TimeSpan period, CancellationToken stopTaking)
    {
        while (!stopTaking.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, _time, stopTaking).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            EnqueueAll();
        }
    }

    // By key: nothing is decoded (a compact cache would decode every object otherwise).
    private void EnqueueAll()
    {
        foreach (var key in _informer.Store.Keys(null))
        {
            Queue.Add(ObjectKey.RequestOf(key));
        }
    }

    private async Task WorkAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        while (!stopTaking.IsCancellationRequested)
        {
            ReconcileRequest request;
            try
            {
                request = await Queue.TakeAsync(stopTaking).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ReconcileOneAsync(request, abort).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(request);
            }
        }
    }

    private async Task ReconcileOneAsync(ReconcileRequest request, CancellationToken abort)
    {
        var started = _time.GetTimestamp();
        string outcome;
        if (_ownWrites is not null
            && _ownWrites.IsBehind(Resource.Kind, request.Namespace, request.Name, _informer.Store.ResourceVersionOf(request.Namespace, request.Name)))
        {
            // The cache has not caught up with our own last write of this object: the watch event of that write
            // brings the key back (and a watch that is down relists, which enqueues every object, as does the resync).
            Queue.Forget(request);
            _metrics.Reconciles.Add(1, new KeyValuePair<string, object?>("controller", Name), new KeyValuePair<string, object?>("result", "behind-own-write"));
            return;
        }

        try
        {
            var result = await _reconciler.ReconcileAsync(request, abort).ConfigureAwait(false);
            Queue.Forget(request);
            if (result.Requeue is { } delay)
            {
                Queue.AddAfter(request, delay);
                outcome = "requeue";
            }
            else
            {
                outcome = "success";
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Interrupted by shutdown or lost leadership: whoever runs next must look again.
            Queue.Add(request);
            outcome = "cancelled";
        }
        catch (TerminalReconcileException e)
        {
            Queue.Forget(request);
            LogTerminal(_logger, Name, request.ToString(), e.Message);
            outcome = "terminal";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var delay = Queue.AddRateLimited(request);
            _metrics.Errors.Add(1, new KeyValuePair<string, object?>("controller", Name));
            LogFailed(_logger, Name, request.ToString(), delay, e);
            outcome = "error";
        }

        var controllerTag = new KeyValuePair<string, object?>("controller", Name);
        _metrics.Reconciles.Add(1, controllerTag, new KeyValuePair<string, object?>("result", outcome));
        _metrics.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, controllerTag);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller} reconcile of {Key} failed; retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, string controller, string key, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller} reconcile of {Key} failed terminally (no retry until it changes): {Reason}")]
    private static partial void LogTerminal(ILogger logger, string controller, string key, string reason);
}
