using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>
/// The informer's in-memory objects with their secondary indexes. An object is kept either as decoded (read by
/// reference) or, after <see cref="UseCompactStorage"/>, as its UTF-8 JSON, decoded into a fresh copy on every read:
/// about a third of the memory, for types with thousands of objects.
/// </summary>
internal sealed class ResourceStore<T> : IResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Whether objects are kept as JSON and decoded on read.</summary>
    public bool IsCompact { get; private set; }

    public void MarkSynced() => _synced.TrySetResult();

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Keeps objects as JSON from now on; only before the first object is stored.</summary>
    public void UseCompactStorage()
    {
        lock (_gate)
        {
            if (_items.Count > 0)
            {
                throw new InvalidOperationException($"The {typeof(T).Name} cache already holds objects; choose its storage before it starts.");
            }

            IsCompact = true;
        }
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_gate)
        {
            if (_indexers.ContainsKey(name))
            {
                return;
            }

            _indexers[name] = indexer;
            var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _indexes[name] = index;
            foreach (var (key, entry) in _items)
            {
                AddToIndex(index, indexer, key, Read(entry));
            }
        }
    }

    public T? Get(string? @namespace, string name)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_items.TryGetValue(ObjectKey.Of(@namespace, name), out entry))
            {
                return null;
            }
        }

        return Read(entry);
    }

    /// <summary>The cached object's resourceVersion without decoding it (null: not cached).</summary>
    public string? ResourceVersionOf(string? @namespace, string name)
    {
        lock (_gate)
        {
            return _items.TryGetValue(ObjectKey.Of(@namespace, name), out var entry) ? entry.ResourceVersion : null;
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        Entry[] entries;
        lock (_gate)
        {
            entries = [.. _items.Where(p => ObjectKey.InNamespace(p.Key, @namespace)).Select(p => p.Value)];
        }

        return [.. entries.Select(Read)];
    }

    public IReadOnlyList<T> ListByIndex(string indexName, string value)
    {
        Entry[] entries;
        lock (_gate)
        {
            entries = [.. KeysByIndexLocked(indexName, value).Select(k => _items[k])];
        }

        return [.. entries.Select(Read)];
    }

    public IReadOnlyList<ReconcileRequest> ListRequestsByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            return [.. KeysByIndexLocked(indexName, value).Select(ObjectKey.RequestOf)];
        }
    }

    /// <summary>Stores the object (with its JSON, when compact and already at hand) and returns the one it replaced.</summary>
    public T? Upsert(T item, byte[]? json = null)
    {
        var key = ObjectKey.Of(item);
        var entry = IsCompact
            ? new Entry(null, json ?? CompactJson.Encode(item), item.Metadata?.ResourceVersion)
            : new Entry(item, null, item.Metadata?.ResourceVersion);
        Entry? old;
        T? oldItem;
        lock (_gate)
        {
            old = RemoveLocked(key, out oldItem);
            _items[key] = entry;
            foreach (var (name, indexer) in _indexers)
            {
                AddToIndex(_indexes[name], indexer, key, item);
            }
        }

        return oldItem ?? (old is { } replaced ? Read(replaced) : null);
    }

    public T? Remove(string key)
    {
        Entry? old;
        T? oldItem;
        lock (_gate)
        {
            old = RemoveLocked(key, out oldItem);
        }

        return oldItem ?? (old is { } removed ? Read(removed) : null);
    }

    /// <summary>Keys currently stored whose namespace matches (null: every key).</summary>
    public IReadOnlyList<string> Keys(string? @namespace)
    {
        lock (_gate)
        {
            return [.. _items.Keys.Where(k => ObjectKey.InNamespace(k, @namespace))];
        }
    }

    private static T Read(Entry entry) => entry.Item ?? CompactJson.Decode<T>(entry.Json!);

    private IEnumerable<string> KeysByIndexLocked(string indexName, string value)
    {
        if (!_indexes.TryGetValue(indexName, out var index))
        {
            throw new ArgumentException($"No index '{indexName}' is registered for {typeof(T).Name}.", nameof(indexName));
        }

        return index.TryGetValue(value, out var keys) ? keys : [];
    }

    // The removed object is decoded (once) only when indexes need its values.
    private Entry? RemoveLocked(string key, out T? item)
    {
        item = null;
        if (!_items.Remove(key, out var old))
        {
            return null;
        }

        if (_indexers.Count > 0)
        {
            item = Read(old);
            foreach (var (name, indexer) in _indexers)
            {
                var index = _indexes[name];
                foreach (var value in SafeIndex(indexer, item))
                {
                    if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                    {
                        index.Remove(value);
                    }
                }
            }
        }

        return old;
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> index, Func<T, IEnumerable<string>> indexer, string key, T item)
    {
        foreach (var value in SafeIndex(indexer, item))
        {
            if (!index.TryGetValue(value, out var keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                index[value] = keys;
            }

            keys.Add(key);
        }
    }

    // An indexer must not take the cache down because one object lacks a field.
    private static IEnumerable<string> SafeIndex(Func<T, IEnumerable<string>> indexer, T item)
    {
        try
        {
            return [.. indexer(item).Where(v => v is not null).Distinct(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return [];
        }
    }

    // Exactly one of Item (decoded storage) and Json (compact storage) is set.
    private readonly record struct Entry(T? Item, byte[]? Json, string? ResourceVersion);
}
