using System.Globalization;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Storage;

/// <summary>
/// All objects, one global resource version counter, a bounded event history for watch resume, and the
/// uid/owner indexes the garbage collector needs. Stored objects are never mutated after commit.
/// Callers hold <see cref="Gate"/> around read-modify-write sequences.
/// </summary>
internal sealed class ObjectStore(int historySize)
{
    private readonly Dictionary<string, SortedDictionary<ObjectKey, JsonObject>> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly Dictionary<string, (string Bucket, ObjectKey Key)> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string Bucket, ObjectKey Key)>> _dependents = new(StringComparer.Ordinal);
    private long _compactedThrough;

    public Lock Gate { get; } = new();

    public long ResourceVersion { get; private set; } = 1000;

    /// <summary>Called under the gate after an object left the store (uid, namespace).</summary>
    public Action<string, string>? Removed { get; set; }

    public int Count => _buckets.Values.Sum(b => b.Count);

    public JsonObject? Get(string bucket, string ns, string name) =>
        _buckets.TryGetValue(bucket, out var b) && b.TryGetValue(new ObjectKey(ns, name), out var o) ? o : null;

    public IEnumerable<KeyValuePair<ObjectKey, JsonObject>> List(string bucket, string? ns, ObjectKey? after = null)
    {
        if (!_buckets.TryGetValue(bucket, out var b))
        {
            yield break;
        }

        foreach (var kv in b)
        {
            if ((ns is null || kv.Key.Namespace == ns) && (after is null || kv.Key.CompareTo(after.Value) > 0))
            {
                yield return kv;
            }
        }
    }

    public IEnumerable<string> Buckets => _buckets.Keys;

    public bool Exists(string uid) => _byUid.ContainsKey(uid);

    public IReadOnlyList<(string Bucket, ObjectKey Key)> DependentsOf(string uid) =>
        _dependents.TryGetValue(uid, out var set) ? set.ToList() : [];

    /// <summary>Stores a copy of <paramref name="obj"/> with a new resource version and emits the event.</summary>
    public JsonObject Commit(string bucket, string ns, string name, JsonObject obj, string type)
    {
        var stored = obj.DeepClone().AsObject();
        var meta = stored["metadata"]!.AsObject();
        meta["resourceVersion"] = (++ResourceVersion).ToString(CultureInfo.InvariantCulture);
        if (!_buckets.TryGetValue(bucket, out var b))
        {
            _buckets[bucket] = b = [];
        }

        var key = new ObjectKey(ns, name);
        b.TryGetValue(key, out var previous);
        if (previous is not null)
        {
            Unindex(bucket, key, previous);
        }

        b[key] = stored;
        Index(bucket, key, stored);
        Emit(new WatchEvent(ResourceVersion, type, bucket, ns, stored, previous));
        return stored;
    }

    /// <summary>Removes the object and emits DELETED with a new resource version; returns the final state.</summary>
    public JsonObject? Remove(string bucket, string ns, string name)
    {
        var key = new ObjectKey(ns, name);
        if (!_buckets.TryGetValue(bucket, out var b) || !b.Remove(key, out var current))
        {
            return null;
        }

        Unindex(bucket, key, current);
        var final = current.DeepClone().AsObject();
        final["metadata"]!["resourceVersion"] = (++ResourceVersion).ToString(CultureInfo.InvariantCulture);
        Emit(new WatchEvent(ResourceVersion, "DELETED", bucket, ns, final, current));
        var uid = (string?)current["metadata"]?["uid"];
        if (uid is not null)
        {
            Removed?.Invoke(uid, ns);
        }

        return final;
    }

    /// <summary>
    /// Registers a watch from <paramref name="fromRv"/>. Returns null (410 Gone) when events after it were forgotten.
    /// The replayed history is queued on the subscription before live events.
    /// </summary>
    public WatchSubscription? Subscribe(string bucket, string? ns, long fromRv, out long oldestAvailable)
    {
        oldestAvailable = _compactedThrough + 1;
        if (fromRv < _compactedThrough)
        {
            return null;
        }

        var sub = new WatchSubscription(bucket, ns);
        foreach (var e in _history)
        {
            if (e.ResourceVersion > fromRv && Matches(sub, e))
            {
                sub.Events.Writer.TryWrite(e);
            }
        }

        _subscriptions.Add(sub);
        return sub;
    }

    public void Unsubscribe(WatchSubscription sub)
    {
        lock (Gate)
        {
            _subscriptions.Remove(sub);
        }
    }

    public void CloseAllWatches()
    {
        lock (Gate)
        {
            foreach (var s in _subscriptions)
            {
                s.Close();
            }
        }
    }

    public void Compact()
    {
        lock (Gate)
        {
            _history.Clear();
            _compactedThrough = ResourceVersion;
        }
    }

    private void Emit(WatchEvent e)
    {
        _history.Enqueue(e);
        while (_history.Count > historySize)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        foreach (var s in _subscriptions)
        {
            if (Matches(s, e))
            {
                s.Events.Writer.TryWrite(e);
            }
        }
    }

    private static bool Matches(WatchSubscription s, WatchEvent e) =>
        s.Bucket == e.Bucket && (s.Namespace is null || s.Namespace == e.Namespace);

    private void Index(string bucket, ObjectKey key, JsonObject obj)
    {
        var meta = obj["metadata"]!;
        if ((string?)meta["uid"] is { } uid)
        {
            _byUid[uid] = (bucket, key);
        }

        foreach (var owner in meta["ownerReferences"]?.AsArray() ?? [])
        {
            if ((string?)owner?["uid"] is { } ownerUid)
            {
                if (!_dependents.TryGetValue(ownerUid, out var set))
                {
                    _dependents[ownerUid] = set = [];
                }

                set.Add((bucket, key));
            }
        }
    }

    private void Unindex(string bucket, ObjectKey key, JsonObject obj)
    {
        var meta = obj["metadata"]!;
        if ((string?)meta["uid"] is { } uid)
        {
            _byUid.Remove(uid);
        }

        foreach (var owner in meta["ownerReferences"]?.AsArray() ?? [])
        {
            if ((string?)owner?["uid"] is { } ownerUid && _dependents.TryGetValue(ownerUid, out var set))
            {
                set.Remove((bucket, key));
                if (set.Count == 0)
                {
                    _dependents.Remove(ownerUid);
                }
            }
        }
    }
}
