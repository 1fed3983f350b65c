using System.Collections.Concurrent;
using CloudPe.Controllers;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Requeue delays for failures that may heal on their own (unreachable endpoint, 5xx): doubling per server from
/// 5 s up to 5 min, reset by a success. Failures that need the user are retried slowly (the resync also retries).
/// </summary>
internal sealed class TransientRetry
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    public ReconcileResult Next(ServerReconcileContext context)
    {
        var key = Key(context);
        var delay = _delays.AddOrUpdate(key, First, (_, previous) => previous * 2 > Max ? Max : previous * 2);
        return ReconcileResult.RequeueAfter(delay);
    }

    public ReconcileResult Slow() => ReconcileResult.RequeueAfter(Max);

    public void Reset(ServerReconcileContext context) => _delays.TryRemove(Key(context), out _);

    public void Forget(string @namespace, string name) => _delays.TryRemove($"{@namespace}/{name}", out _);

    private static string Key(ServerReconcileContext context) => $"{context.Namespace}/{context.Name}";
}
