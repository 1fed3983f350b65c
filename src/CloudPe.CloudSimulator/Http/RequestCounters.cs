using System.Collections.Concurrent;

namespace CloudPe.CloudSimulator.Http;

/// <summary>Thread-safe request counts per route key.</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private long _total;

    public void Increment(string key)
    {
        _byRoute.AddOrUpdate(key, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    public SimulatorCounters Snapshot() =>
        new(new SortedDictionary<string, long>(_byRoute, StringComparer.Ordinal), Interlocked.Read(ref _total));

    public void Reset()
    {
        _byRoute.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
