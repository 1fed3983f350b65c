using System.Collections.Concurrent;
using CloudPe.Controllers;
using CloudPe.OpenStack;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Back-off for failed cloud calls, per server: transient failures (unreachable, 5xx) wait 5 s, doubling up to
/// 5 min; failures that need the user wait 5 min. Until the wait is over, reconciles triggered by the server's own
/// status events do not call the cloud again; a spec change or a new connection (rotated Secret) ends the wait.
/// </summary>
internal sealed class TransientRetry(TimeProvider time)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Wait> _waits = new(StringComparer.Ordinal);

    public ReconcileResult Next(ServerReconcileContext context)
    {
        var previous = _waits.TryGetValue(Key(context), out var wait) ? wait.Delay : TimeSpan.Zero;
        var delay = previous == TimeSpan.Zero ? First : (previous * 2 > Max ? Max : previous * 2);
        return Remember(context, delay);
    }

    public ReconcileResult Slow(ServerReconcileContext context) => Remember(context, Max);

    /// <summary>The remaining wait when the last attempt for the same generation and connection failed recently.</summary>
    public TimeSpan? Remaining(ServerReconcileContext context)
    {
        if (!_waits.TryGetValue(Key(context), out var wait)
            || wait.Generation != context.Generation
            || !ReferenceEquals(wait.Connection, context.Connection))
        {
            return null;
        }

        var left = wait.Until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Reset(ServerReconcileContext context) => _waits.TryRemove(Key(context), out _);

    public void Forget(string @namespace, string name) => _waits.TryRemove($"{@namespace}/{name}", out _);

    private ReconcileResult Remember(ServerReconcileContext context, TimeSpan delay)
    {
        _waits[Key(context)] = new Wait(delay, time.GetUtcNow() + delay, context.Generation, context.Connection);
        return ReconcileResult.RequeueAfter(delay);
    }

    private static string Key(ServerReconcileContext context) => $"{context.Namespace}/{context.Name}";

    private sealed record Wait(TimeSpan Delay, DateTimeOffset Until, long? Generation, OpenStackConnection? Connection);
}
