namespace CloudPe.Controllers;

/// <summary>Per-controller settings: concurrency, resync, retry back-off and the overall rate limit.</summary>
public sealed class ControllerOptions
{
    /// <summary>How many different keys may be reconciled at the same time (one key is never run twice at once).</summary>
    public int MaxConcurrentReconciles { get; set; } = 1;

    /// <summary>When set, every cached object is re-enqueued this often even if nothing changed.</summary>
    public TimeSpan? ResyncPeriod { get; set; }

    /// <summary>Delay after the first failure of a key; doubles with every further failure.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Upper bound of the per-key failure back-off.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sustained retries per second over all keys (token bucket refill rate).</summary>
    public double RateLimitQps { get; set; } = 10;

    /// <summary>Retries allowed at once before <see cref="RateLimitQps"/> applies (token bucket size).</summary>
    public int RateLimitBurst { get; set; } = 100;

    /// <summary>Optional label selector for the primary resource's informer (shards objects across operator instances).</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Name used in logs and metrics; defaults to the resource kind.</summary>
    public string? Name { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentReconciles, 1, nameof(MaxConcurrentReconciles));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateLimitQps, 0, nameof(RateLimitQps));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitBurst, 1, nameof(RateLimitBurst));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffBase, TimeSpan.Zero, nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffMax, BackoffBase, nameof(BackoffMax));
        if (ResyncPeriod is { } resync)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resync, TimeSpan.Zero, nameof(ResyncPeriod));
        }
    }
}
