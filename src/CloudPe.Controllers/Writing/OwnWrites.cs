using System.Collections.Concurrent;

namespace CloudPe.Controllers;

/// <summary>
/// The resourceVersions this process's own writes produced, per object, until the informer cache shows the newest.
/// A reconcile is held back while the cache still holds an object version that an own write of ours has since
/// replaced: it would act on (and could write back) a status older than the one just written. The watch event of
/// that write triggers the reconcile again. Versions are only compared for equality, never ordered.
/// </summary>
public sealed class OwnWrites
{
    private const int MaxObjects = 10_000;
    private const int MaxVersionsPerObject = 16;
    private readonly ConcurrentDictionary<string, Versions> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _checkedKinds = new(StringComparer.Ordinal);

    /// <summary>Objects with a write the cache may not show yet.</summary>
    internal int Count => _objects.Count;

    /// <summary>A controller of <paramref name="kind"/> checks <see cref="IsBehind"/>: only such writes are kept.</summary>
    internal void CheckedBy(string kind) => _checkedKinds.TryAdd(kind, 0);

    /// <summary>
    /// Records a write of ours that turned <paramref name="baseVersion"/> into <paramref name="newVersion"/>, for a
    /// kind some controller checks; a write no reconcile would ask about (e.g. a Secret's) is not kept.
    /// </summary>
    internal void Record(string kind, string? @namespace, string name, string? baseVersion, string? newVersion)
    {
        if (string.IsNullOrEmpty(newVersion) || !_checkedKinds.ContainsKey(kind))
        {
            return;
        }

        if (_objects.Count > MaxObjects)
        {
            // Fail open: without the record a reconcile may only see an older status, as it would without this class.
            _objects.Clear();
        }

        var versions = _objects.GetOrAdd(Key(kind, @namespace, name), static _ => new Versions());
        lock (versions)
        {
            versions.Replaced.Add(baseVersion ?? "");
            if (versions.Latest is { } previous)
            {
                versions.Replaced.Add(previous);
            }

            if (versions.Replaced.Count > MaxVersionsPerObject)
            {
                versions.Replaced.RemoveAt(0);
            }

            versions.Latest = newVersion;
        }
    }

    /// <summary>
    /// Whether the cached version of the object is one our own later write replaced (the cache is behind our writes).
    /// Forgets the object once the cache shows our newest write or a version we did not write.
    /// </summary>
    internal bool IsBehind(string kind, string? @namespace, string name, string? cachedVersion)
    {
        var key = Key(kind, @namespace, name);
        if (!_objects.TryGetValue(key, out var versions))
        {
            return false;
        }

        lock (versions)
        {
            if (cachedVersion is not null && cachedVersion != versions.Latest && versions.Replaced.Contains(cachedVersion))
            {
                return true;
            }
        }

        _objects.TryRemove(KeyValuePair.Create(key, versions));
        return false;
    }

    private static string Key(string kind, string? @namespace, string name) => $"{kind}/{@namespace}/{name}";

    private sealed class Versions
    {
        public List<string> Replaced { get; } = [];

        public string? Latest { get; set; }
    }
}
