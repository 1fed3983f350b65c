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
    private readonly InformerRegistry? _informers;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PendingWrite> _pending = new(StringComparer.Ordinal);

    internal StatusWriter(KubeApi api, InformerRegistry? informers, ILogger<StatusWriter> logger)
    {
        _api = api;
        _informers = informers;
        _logger = logger;
    }

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
        var cached = _informers?.TryGet<TResource>()?.Store.Get(ns, name) ?? resource;
        var current = ToNode(cached.Status) ?? new JsonObject();
        var key = $"{typeof(TResource).FullName}/{ns}/{name}";
        if (_pending.TryGetValue(key, out var pending))
        {
            if (pending.BaseResourceVersion == cached.Metadata.ResourceVersion)
            {
                // The watch has not delivered our last write yet: compare with what we wrote, not the stale cache.
                current = pending.Status.DeepClone();
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
        await _api.SendJsonAsync(HttpMethod.Patch, path, new JsonObject { ["status"] = diff }, KubeApi.MergePatch, cancellationToken).ConfigureAwait(false);
        if (_pending.Count > MaxPending)
        {
            _pending.Clear();
        }

        _pending[key] = new PendingWrite(cached.Metadata.ResourceVersion, desired);
        LogWritten(_logger, typeof(TResource).Name, ns ?? "", name);
        return true;
    }

    private static JsonNode? ToNode(object? value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));

    private sealed record PendingWrite(string? BaseResourceVersion, JsonNode Status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status of {Kind} {Namespace}/{Name} changed; patched")]
    private static partial void LogWritten(ILogger logger, string kind, string @namespace, string name);
}
