using System.Collections.Concurrent;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// What this process already did per VM (handled action values, first console, applied password version). The
/// informer cache can lag behind our own status and annotation writes; without this a reconcile on a stale copy
/// would repeat a reboot or a password change. The status stays the record across restarts. An entry is settled
/// (dropped) once the cached object itself shows what it recorded, so at fleet scale the ledger holds only the
/// writes the cache has not caught up with, not one entry per VM.
/// </summary>
internal sealed class ActionLedger
{
    private readonly ConcurrentDictionary<(string Uid, string Key), string> _done = new();

    public bool Has(string uid, string key, string value) => _done.TryGetValue((uid, key), out var seen) && seen == value;

    public void Record(string uid, string key, string value) => _done[(uid, key)] = value;

    /// <summary>Drops the entry if it still holds <paramref name="value"/>: the cache now shows it.</summary>
    public void Settle(string uid, string key, string value) => _done.TryRemove(KeyValuePair.Create((uid, key), value));

    public void Forget(string uid)
    {
        foreach (var key in _done.Keys.Where(k => k.Uid == uid))
        {
            _done.TryRemove(key, out _);
        }
    }
}
