namespace CloudPe.Controllers;

/// <summary>Exponential back-off per key: base, 2×base, 4×base … capped at max; reset on success.</summary>
internal sealed class PerKeyBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];

    public TimeSpan Next(TKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.TryGetValue(key, out var f) ? f : 0;
            _failures[key] = failures + 1;
        }

        // Computed in double so that many failures cannot overflow before the cap applies.
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(failures, 62));
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public int Failures(TKey key)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(key, out var f) ? f : 0;
        }
    }

    public void Reset(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }
}
