using System.Collections.Concurrent;
using CloudPe.KubeEmulator.Storage;

namespace CloudPe.KubeEmulator;

/// <summary>Request counters and fault injection for tests and benchmarks; nothing here goes through the API.</summary>
public sealed class EmulatorAdmin
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Remaining, int StatusCode)> _faults = new(StringComparer.Ordinal);
    private readonly Lock _faultGate = new();
    private readonly ObjectStore _store;
    private long _writes;

    internal EmulatorAdmin(ObjectStore store) => _store = store;

    /// <summary>Every successful mutating request (POST/PUT/PATCH/DELETE), dry runs excluded.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Requests per <c>"verb resource[/subresource]"</c>, e.g. <c>"patch cloudpevms/status"</c>, <c>"watch secrets"</c>.</summary>
    public IReadOnlyDictionary<string, long> RequestsByVerbAndResource => new Dictionary<string, long>(_requests, StringComparer.Ordinal);

    /// <summary>Sets every counter back to zero.</summary>
    public void ResetCounters()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _writes, 0);
    }

    /// <summary>Makes the next <paramref name="count"/> writes to the resource (and subresource) fail with <paramref name="statusCode"/>.</summary>
    public void FailNextWrites(string resource, string? subresource, int count, int statusCode = 409)
    {
        lock (_faultGate)
        {
            _faults[FaultKey(resource, subresource)] = (count, statusCode);
        }
    }

    /// <summary>Cuts every open watch stream (clients see the stream end and must re-watch).</summary>
    public void CloseAllWatches() => _store.CloseAllWatches();

    /// <summary>Forgets the event history: a watch from any earlier resource version gets 410 Gone.</summary>
    public void CompactHistory() => _store.Compact();

    internal void CountRequest(string verb, string resource) => _requests.AddOrUpdate($"{verb} {resource}", 1, (_, n) => n + 1);

    internal void CountWrite() => Interlocked.Increment(ref _writes);

    internal int? TakeFault(string resource, string? subresource)
    {
        lock (_faultGate)
        {
            var key = FaultKey(resource, subresource);
            if (!_faults.TryGetValue(key, out var f) || f.Remaining <= 0)
            {
                return null;
            }

            _faults[key] = (f.Remaining - 1, f.StatusCode);
            return f.StatusCode;
        }
    }

    private static string FaultKey(string resource, string? subresource) => subresource is null ? resource : $"{resource}/{subresource}";
}
