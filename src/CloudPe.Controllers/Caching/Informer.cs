using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers;

/// <summary>
/// List + watch of one resource type feeding a <see cref="ResourceStore{T}"/>: watches resume from the last
/// seen resourceVersion (bookmarks keep it fresh), a 410 Gone relists, other failures retry with back-off.
/// One list/watch loop runs per watched namespace (or one for all namespaces).
/// </summary>
internal sealed partial class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const int PageSize = 500;
    private static readonly TimeSpan RetryStart = TimeSpan.FromMilliseconds(100);
    private readonly KubeApi _api;
    private readonly InformerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResourceMetadata _resource = ResourceMetadata.Of<T>();
    private readonly ObjectInterner _interner = new();
    private readonly List<Action<T?, T?>> _handlers = [];
    private readonly Lock _handlersGate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _resourceVersions = new(StringComparer.Ordinal);
    private int _scopesSynced;

    public Informer(KubeApi api, InformerSettings settings, TimeProvider time, ILogger logger)
    {
        _api = api;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    public ResourceStore<T> Store { get; } = new();

    public Type ResourceType => typeof(T);

    public bool HasSynced => Store.HasSynced;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Store.WaitForSyncAsync(cancellationToken);

    /// <summary>The resourceVersion a re-watch of the scope would start from (null: all namespaces).</summary>
    internal string? ResourceVersionOf(string? @namespace) => _resourceVersions.GetValueOrDefault(@namespace ?? "");

    /// <summary>Adds a change handler called with (old, new); new is null for a delete, old is null for an add.</summary>
    public void AddHandler(Action<T?, T?> handler)
    {
        lock (_handlersGate)
        {
            _handlers.Add(handler);
        }
    }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string?> scopes = _settings.Namespaces.Count == 0 ? [null] : [.. _settings.Namespaces];
        return Task.WhenAll(scopes.Select(scope => Task.Run(() => RunScopeAsync(scope, scopes.Count, cancellationToken), CancellationToken.None)));
    }

    private async Task RunScopeAsync(string? @namespace, int scopeCount, CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var synced = false;
        var retry = RetryStart;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(@namespace, cancellationToken).ConfigureAwait(false);
                    if (!synced)
                    {
                        synced = true;
                        if (Interlocked.Increment(ref _scopesSynced) == scopeCount)
                        {
                            Store.MarkSynced();
                        }
                    }
                }

                var watch = new WatchState(resourceVersion);
                await WatchAsync(@namespace, watch, cancellationToken).ConfigureAwait(false);
                resourceVersion = watch.Gone ? null : watch.ResourceVersion;
                if (watch.Gone)
                {
                    LogGone(_logger, _resource.Plural, @namespace ?? "*");
                }

                if (watch.Events > 0 || watch.Gone)
                {
                    retry = RetryStart;
                }
                else
                {
                    // A stream that ends at once without events must not turn into a hot loop.
                    await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
                    retry = Grow(retry);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Gone)
            {
                LogGone(_logger, _resource.Plural, @namespace ?? "*");
                resourceVersion = null;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or KubernetesApiException or System.Text.Json.JsonException or OperationCanceledException)
            {
                LogWatchFailed(_logger, _resource.Plural, @namespace ?? "*", retry, e);
                try
                {
                    await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = Grow(retry);
            }
        }
    }

    private TimeSpan Grow(TimeSpan retry) => retry * 2 > _settings.RetryMax ? _settings.RetryMax : retry * 2;

    private async Task<string> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        var items = new List<Decoded>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var query = new StringBuilder($"{_resource.CollectionPath(@namespace)}?limit={PageSize}");
            AppendSelector(query);
            if (continueToken is not null)
            {
                query.Append("&continue=").Append(Uri.EscapeDataString(continueToken));
            }

            var page = await _api.SendJsonAsync(HttpMethod.Get, query.ToString(), null, "application/json", cancellationToken).ConfigureAwait(false);
            resourceVersion = (string?)page["metadata"]?["resourceVersion"] ?? "";
            continueToken = (string?)page["metadata"]?["continue"];
            if (string.IsNullOrEmpty(continueToken))
            {
                continueToken = null;
            }

            if (page["items"] is JsonArray array)
            {
                items.AddRange(array.OfType<JsonNode>().Select(Decode));
            }
        }
        while (continueToken is not null);

        Replace(@namespace, items);
        _resourceVersions[@namespace ?? ""] = resourceVersion;
        LogListed(_logger, _resource.Plural, @namespace ?? "*", items.Count, resourceVersion);
        return resourceVersion;
    }

    private async Task WatchAsync(string? @namespace, WatchState watch, CancellationToken cancellationToken)
    {
        // Server-side timeout spread over 5–10 minutes so many informers do not reconnect together.
        var timeout = 300 + Random.Shared.Next(300);
        var query = new StringBuilder($"{_resource.CollectionPath(@namespace)}?watch=true&allowWatchBookmarks=true&timeoutSeconds={timeout}");
        query.Append("&resourceVersion=").Append(Uri.EscapeDataString(watch.ResourceVersion));
        AppendSelector(query);

        using var response = await _api.SendAsync(HttpMethod.Get, query.ToString(), null, true, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var evt = JsonNode.Parse(line);
            var type = (string?)evt?["type"];
            var obj = evt?["object"];
            if (type is null || obj is null)
            {
                continue;
            }

            watch.Events++;
            if (type == "ERROR")
            {
                if ((int?)obj["code"] == (int)HttpStatusCode.Gone)
                {
                    watch.Gone = true;
                    return;
                }

                throw new KubernetesApiException((HttpStatusCode)((int?)obj["code"] ?? 500), (string?)obj["reason"], $"watch {_resource.Plural} failed: {(string?)obj["message"]}");
            }

            var rv = (string?)obj["metadata"]?["resourceVersion"];
            if (type != "BOOKMARK")
            {
                Apply(type, Decode(obj));
            }

            if (!string.IsNullOrEmpty(rv))
            {
                watch.ResourceVersion = rv;
                _resourceVersions[@namespace ?? ""] = rv;
            }
        }
    }

    private void Apply(string type, Decoded decoded)
    {
        var item = decoded.Item;
        if (type == "DELETED")
        {
            var removed = Store.Remove(ObjectKey.Of(item));
            Notify(removed ?? item, null);
            return;
        }

        var old = Store.Upsert(item, decoded.Json);
        Notify(old, item);
    }

    private void Replace(string? @namespace, List<Decoded> items)
    {
        var fresh = new HashSet<string>(items.Select(d => ObjectKey.Of(d.Item)), StringComparer.Ordinal);
        foreach (var key in Store.Keys(@namespace))
        {
            if (!fresh.Contains(key) && Store.Remove(key) is { } gone)
            {
                Notify(gone, null);
            }
        }

        foreach (var (item, json) in items)
        {
            var old = Store.Upsert(item, json);
            if (old?.Metadata?.ResourceVersion != item.Metadata?.ResourceVersion || old is null)
            {
                Notify(old, item);
            }
        }
    }

    private void Notify(T? old, T? current)
    {
        Action<T?, T?>[] handlers;
        lock (_handlersGate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(old, current);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogHandlerFailed(_logger, _resource.Plural, e);
            }
        }
    }

    private Decoded Decode(JsonNode node)
    {
        // Memory at fleet scale: no managedFields or last-applied copy in the cache.
        CacheTrim.Apply(node);
        // List items may omit apiVersion/kind; owners and events need them.
        if (node is JsonObject obj)
        {
            if (string.IsNullOrEmpty((string?)obj["apiVersion"]))
            {
                obj["apiVersion"] = _resource.ApiVersion;
            }

            if (string.IsNullOrEmpty((string?)obj["kind"]))
            {
                obj["kind"] = _resource.Kind;
            }
        }

        if (Store.IsCompact)
        {
            // Kept as JSON; the decoded copy only serves the indexes and the change handlers.
            var json = CompactJson.Encode<T>(node, out var decoded);
            return new Decoded(decoded, json);
        }

        // Decoded objects stay in memory: repeated strings (namespace, kind, condition reasons, label keys) are shared.
        var item = KubernetesJson.Deserialize<T>(node.ToJsonString());
        _interner.Intern(item);
        return new Decoded(item, null);
    }

    private void AppendSelector(StringBuilder query)
    {
        if (!string.IsNullOrEmpty(_settings.LabelSelector))
        {
            query.Append("&labelSelector=").Append(Uri.EscapeDataString(_settings.LabelSelector));
        }
    }

    private readonly record struct Decoded(T Item, byte[]? Json);

    private sealed class WatchState(string resourceVersion)
    {
        public string ResourceVersion { get; set; } = resourceVersion;

        public bool Gone { get; set; }

        public int Events { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Plural} in {Namespace}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string plural, string @namespace, int count, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Plural} in {Namespace} expired (410 Gone); relisting")]
    private static partial void LogGone(ILogger logger, string plural, string @namespace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch of {Plural} in {Namespace} failed; retrying in {Delay}")]
    private static partial void LogWatchFailed(ILogger logger, string plural, string @namespace, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change handler for {Plural} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string plural, Exception exception);
}
