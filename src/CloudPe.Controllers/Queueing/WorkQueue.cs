namespace CloudPe.Controllers;

/// <summary>
/// Deduplicating work queue with per-key serialisation (a key handed out is not handed out again until
/// <see cref="Done"/>; adds meanwhile are remembered and re-queued then), delayed adds, and rate-limited
/// retries (per-key exponential back-off combined with an overall token bucket).
/// </summary>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DelayedAdd> _waiting = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private readonly PerKeyBackoff<TKey> _backoff;
    private readonly TokenBucket _bucket;
    private bool _disposed;

    public WorkQueue(TimeProvider time, TimeSpan backoffBase, TimeSpan backoffMax, double qps, int burst)
    {
        _time = time;
        _backoff = new PerKeyBackoff<TKey>(backoffBase, backoffMax);
        _bucket = new TokenBucket(qps, burst, time);
    }

    /// <summary>Keys waiting to be handed out (not counting delayed or in-flight keys).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keys waiting for a delayed add.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_disposed || !_dirty.Add(key))
            {
                return;
            }

            if (_processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key after <paramref name="delay"/>; a pending earlier add wins over a later one.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer?.Dispose();
            }

            var delayed = new DelayedAdd(this, key, due);
            _waiting[key] = delayed;
            delayed.Timer = _time.CreateTimer(static state => ((DelayedAdd)state!).Fire(), delayed, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Re-adds a failed key after max(per-key back-off, overall token bucket wait).</summary>
    public TimeSpan AddRateLimited(TKey key)
    {
        var backoff = _backoff.Next(key);
        var bucket = _bucket.Reserve();
        var delay = backoff > bucket ? backoff : bucket;
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the failure history of a key (after success or a terminal error).</summary>
    public void Forget(TKey key) => _backoff.Reset(key);

    public int Failures(TKey key) => _backoff.Failures(key);

    /// <summary>Waits for the next key; the caller must call <see cref="Done"/> when finished with it.</summary>
    public async Task<TKey> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_queue.TryDequeue(out var key))
                {
                    _processing.Add(key);
                    _dirty.Remove(key);
                    return key;
                }
            }
        }
    }

    /// <summary>Marks the key finished; if it was added meanwhile it is queued again now.</summary>
    public void Done(TKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (_disposed || !_dirty.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var pending in _waiting.Values)
            {
                pending.Timer?.Dispose();
            }

            _waiting.Clear();
        }
    }

    private void Fire(DelayedAdd delayed)
    {
        lock (_gate)
        {
            // A timer replaced by an earlier add may still fire: only the current one counts.
            if (!_waiting.TryGetValue(delayed.Key, out var current) || !ReferenceEquals(current, delayed))
            {
                return;
            }

            _waiting.Remove(delayed.Key);
            delayed.Timer?.Dispose();
        }

        Add(delayed.Key);
    }

    private sealed class DelayedAdd(WorkQueue<TKey> queue, TKey key, DateTimeOffset due)
    {
        public TKey Key { get; } = key;

        public DateTimeOffset Due { get; } = due;

        public ITimer? Timer { get; set; }

        public void Fire() => queue.Fire(this);
    }
}
