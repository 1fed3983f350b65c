using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>The informer's in-memory objects with their secondary indexes.</summary>
internal sealed class ResourceStore<T> : IResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasSynced => _synced.Task.IsCompleted;

    public void MarkSynced() => _synced.TrySetResult();

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

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
            foreach (var (key, item) in _items)
            {
                AddToIndex(index, indexer, key, item);
            }
        }
    }

    public T? Get(string? @namespace, string name)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(ObjectKey.Of(@namespace, name));
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (_gate)
        {
            return @namespace is null
                ? [.. _items.Values]
                : [.. _items.Values.Where(i => i.Metadata?.NamespaceProperty == @namespace)];
        }
    }

    public IReadOnlyList<T> ListByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index '{indexName}' is registered for {typeof(T).Name}.", nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>Stores the object and returns the one it replaced.</summary>
    public T? Upsert(T item)
    {
        var key = ObjectKey.Of(item);
        lock (_gate)
        {
            var old = RemoveLocked(key);
            _items[key] = item;
            foreach (var (name, indexer) in _indexers)
            {
                AddToIndex(_indexes[name], indexer, key, item);
            }

            return old;
        }
    }

    public T? Remove(string key)
    {
        lock (_gate)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>Keys currently stored whose namespace matches (null: every key).</summary>
    public IReadOnlyList<string> Keys(string? @namespace)
    {
        lock (_gate)
        {
            return [.. _items.Where(p => @namespace is null || p.Value.Metadata?.NamespaceProperty == @namespace).Select(p => p.Key)];
        }
    }

    private T? RemoveLocked(string key)
    {
        if (!_items.Remove(key, out var old))
        {
            return null;
        }

        foreach (var (name, indexer) in _indexers)
        {
            var index = _indexes[name];
            foreach (var value in SafeIndex(indexer, old))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(value);
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
}
