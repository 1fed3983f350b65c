namespace CloudPe.Controllers;

/// <summary>What the runtime does with a key after a successful reconcile.</summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter) => Requeue = requeueAfter;

    /// <summary>The object reached its desired state; reconcile again only when something changes.</summary>
    public static ReconcileResult Done { get; }

    /// <summary>The delay after which the key is reconciled again, if any.</summary>
    public TimeSpan? Requeue { get; }

    /// <summary>Reconcile the same key again after <paramref name="delay"/> (polling a transition).</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new ReconcileResult(delay);
    }
}
