using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers;

/// <summary>
/// Writes <c>.status</c> through the status subresource only when it differs (semantically) from the
/// status in the informer cache, so steady-state reconciles cost the API server nothing.
/// </summary>
public sealed partial class StatusWriter
{
    private const int MaxPending = 10_000;
    private readonly KubeApi _api;
    private readonly OwnWrites? _ownWrites;
    private readonly InformerRegistry? _informers;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PendingWrite> _pending = new(StringComparer.Ordinal);

    // Writes in the order sent, so entries the cache has caught up with are dropped a few at a time on later writes
    // (otherwise every object ever written would keep a copy of its status here).
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Key, PendingWrite Write)> _order = new();

    internal StatusWriter(KubeApi api, InformerRegistry? informers, ILogger<StatusWriter> logger, OwnWrites? ownWrites = null)
    {
        _ownWrites = ownWrites;
        _api = api;
        _informers = informers;
        _logger = logger;
    }

    /// <summary>Writes whose echo the cache may not show yet (each holds a copy of the status written).</summary>
    internal int PendingCount => _pending.Count;

    /// <summary>
    /// Patches the status of <paramref name="resource"/> to <paramref name="newStatus"/> unless it is already
    /// that. Build <paramref name="newStatus"/> as a new object: never mutate the cached resource.
    /// </summary>
    /// <returns>Whether a write was sent to the API server.</returns>
    public async Task<bool> UpdateStatusAsync<TResource, TStatus>(TResource resource, TStatus newStatus, CancellationToken cancellationToken = default)
        where TResource : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus>
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = resource.Metadata.NamespaceProperty;
        var name = resource.Metadata.Name;
        var store = _informers?.TryGet<TResource>()?.Store;
        // The newest cached copy; the one given is that copy when the versions match (no second decode of a compact cache).
        var cached = store is null || store.ResourceVersionOf(ns, name) == resource.Metadata.ResourceVersion
            ? resource
            : store.Get(ns, name) ?? resource;
        var current = ToNode(cached.Status) ?? new JsonObject();
        var key = $"{typeof(TResource).FullName}/{ns}/{name}";
        if (_pending.TryGetValue(key, out var pending))
        {
            if (pending.BaseResourceVersion == cached.Metadata.ResourceVersion)
            {
                // The watch has not delivered our last write yet: compare with what we wrote, not the stale cache.
                current = JsonNode.Parse(pending.Status) ?? new JsonObject();
            }
            else
            {
                _pending.TryRemove(key, out _);
            }
        }

        var desired = ToNode(newStatus) ?? new JsonObject();
        if (JsonMergePatch.Diff(current, desired) is not { } diff)
        {
            return false;
        }

        var path = ResourceMetadata.Of<TResource>().ObjectPath(ns, name) + "/status";
        var answer = await _api.SendJsonAsync(HttpMethod.Patch, path, new JsonObject { ["status"] = diff }, KubeApi.MergePatch, cancellationToken).ConfigureAwait(false);
        _ownWrites?.Record(ResourceMetadata.Of<TResource>().Kind, ns, name, cached.Metadata.ResourceVersion, answer["metadata"]?["resourceVersion"]?.GetValue<string>());
        if (_pending.Count > MaxPending)
        {
            _pending.Clear();
            _order.Clear();
        }

        var written = new PendingWrite(cached.Metadata.ResourceVersion, System.Text.Encoding.UTF8.GetBytes(desired.ToJsonString()), () => store?.ResourceVersionOf(ns, name));
        _pending[key] = written;
        _order.Enqueue((key, written));
        DropCaughtUp();
        LogWritten(_logger, typeof(TResource).Name, ns ?? "", name);
        return true;
    }

    /// <summary>Forgets the oldest writes the cache now shows (or that were replaced); stops at one still pending.</summary>
    private void DropCaughtUp()
    {
        for (var i = 0; i < 8 && _order.TryPeek(out var oldest); i++)
        {
            var live = _pending.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest.Write);
            if (live && oldest.Write.CacheVersion() == oldest.Write.BaseResourceVersion)
            {
                return;
            }

            if (_order.TryDequeue(out var taken) && live && ReferenceEquals(taken.Write, oldest.Write))
            {
                _pending.TryRemove(KeyValuePair.Create(taken.Key, taken.Write));
            }
        }
    }

    private static JsonNode? ToNode(object? value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));

    /// <summary>A status written on top of <paramref name="BaseResourceVersion"/>, kept as UTF-8 JSON (a third of a JsonNode tree).</summary>
    private sealed record PendingWrite(string? BaseResourceVersion, byte[] Status, Func<string?> CacheVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status of {Kind} {Namespace}/{Name} changed; patched")]
    private static partial void LogWritten(ILogger logger, string kind, string @namespace, string name);
}
