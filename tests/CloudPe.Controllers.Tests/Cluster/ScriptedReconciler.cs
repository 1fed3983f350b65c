using System.Collections.Concurrent;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>A reconciler whose behaviour is a delegate; records every call and the concurrency it saw.</summary>
internal sealed class ScriptedReconciler(Func<ReconcileRequest, int, CancellationToken, Task<ReconcileResult>> script) : IReconciler<Widget>
{
    private readonly ConcurrentDictionary<ReconcileRequest, int> _inFlightPerKey = new();
    private readonly Lock _gate = new();
    private int _inFlight;

    public ScriptedReconciler()
        : this((_, _, _) => Task.FromResult(ReconcileResult.Done))
    {
    }

    public ConcurrentQueue<(ReconcileRequest Request, DateTimeOffset At)> Calls { get; } = new();

    public int MaxInFlightPerKey { get; private set; }

    public int MaxInFlight { get; private set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public int CallsFor(string name) => Calls.Count(c => c.Request.Name == name);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var attempt = CallsFor(request.Name) + 1;
        Calls.Enqueue((request, DateTimeOffset.UtcNow));
        var perKey = _inFlightPerKey.AddOrUpdate(request, 1, (_, n) => n + 1);
        var total = Interlocked.Increment(ref _inFlight);
        lock (_gate)
        {
            MaxInFlightPerKey = Math.Max(MaxInFlightPerKey, perKey);
            MaxInFlight = Math.Max(MaxInFlight, total);
        }

        try
        {
            return await script(request, attempt, cancellationToken);
        }
        finally
        {
            _inFlightPerKey.AddOrUpdate(request, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
