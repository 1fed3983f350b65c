using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers;

/// <summary>
/// Writes core/v1 Events about objects. A repeat of the same object, type, reason and message bumps
/// <c>count</c> and <c>lastTimestamp</c> of the earlier Event instead of creating another one. Failures are
/// logged, never thrown: an Event is never a reason for a reconcile to fail. Never put secrets in messages.
/// </summary>
public sealed partial class EventRecorder
{
    private const int MaxMessageLength = 1024;
    private static readonly ResourceMetadata Events = ResourceMetadata.Of<Corev1Event>();
    private readonly KubeApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventRecorderOptions _options;
    // Guards the aggregation cache only; the API calls run outside it so reconciles of different objects never
    // wait on each other's Events.
    private readonly Lock _sync = new();
    // Keyed by a 128-bit digest of (object, type, reason, message), not the ~200-character text: ~0.2 KB per
    // remembered Event instead of ~0.5 KB, for the 4,096 a fleet keeps.
    private readonly Dictionary<UInt128, LinkedListNode<Seen>> _seen = [];
    private readonly LinkedList<Seen> _recency = new();
    private long _sequence;

    internal EventRecorder(KubeApi api, TimeProvider time, EventRecorderOptions options, ILogger<EventRecorder> logger)
    {
        _api = api;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Records a <c>Normal</c> Event about <paramref name="subject"/>.</summary>
    public Task NormalAsync(IKubernetesObject<V1ObjectMeta> subject, string reason, string message, CancellationToken cancellationToken = default) =>
        RecordAsync(subject, "Normal", reason, message, cancellationToken);

    /// <summary>Records a <c>Warning</c> Event about <paramref name="subject"/>.</summary>
    public Task WarningAsync(IKubernetesObject<V1ObjectMeta> subject, string reason, string message, CancellationToken cancellationToken = default) =>
        RecordAsync(subject, "Warning", reason, message, cancellationToken);

    private async Task RecordAsync(IKubernetesObject<V1ObjectMeta> subject, string type, string reason, string message, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(subject);
            if (message.Length > MaxMessageLength)
            {
                message = message[..MaxMessageLength];
            }

            var ns = string.IsNullOrEmpty(subject.Metadata.NamespaceProperty) ? "default" : subject.Metadata.NamespaceProperty;
            var key = Digest(string.Join('\u001f', subject.Metadata.Uid, subject.Kind, ns, subject.Metadata.Name, type, reason, message));
            if (Reserve(key) is { } seen)
            {
                if (await TryBumpAsync(seen.Node.Value, seen.Count, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            var created = await CreateAsync(subject, ns, type, reason, message, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                Remember(key, created);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(_logger, reason, e);
        }
    }

    /// <summary>The cached Event for <paramref name="key"/> with the count this repeat gives it, moved to the front.</summary>
    private static UInt128 Digest(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private (LinkedListNode<Seen> Node, int Count)? Reserve(UInt128 key)
    {
        lock (_sync)
        {
            if (!_seen.TryGetValue(key, out var node))
            {
                return null;
            }

            node.Value.Count++;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return (node, node.Value.Count);
        }
    }

    private async Task<bool> TryBumpAsync(Seen seen, int count, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["count"] = count,
            ["lastTimestamp"] = Timestamp(),
        };
        try
        {
            await _api.SendJsonAsync(HttpMethod.Patch, Events.ObjectPath(seen.Namespace, seen.Name), patch, KubeApi.MergePatch, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (KubeApi.IsNotFound(e))
        {
            // The Event expired on the server: start a new one.
            return false;
        }
    }

    private async Task<Seen> CreateAsync(IKubernetesObject<V1ObjectMeta> subject, string ns, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var now = Timestamp();
        var name = string.Create(CultureInfo.InvariantCulture, $"{subject.Metadata.Name}.{_time.GetUtcNow().ToUnixTimeMilliseconds():x}{Interlocked.Increment(ref _sequence):x}");
        var involved = new JsonObject
        {
            ["apiVersion"] = subject.ApiVersion,
            ["kind"] = subject.Kind,
            ["name"] = subject.Metadata.Name,
            ["uid"] = subject.Metadata.Uid,
            ["resourceVersion"] = subject.Metadata.ResourceVersion,
        };
        if (!string.IsNullOrEmpty(subject.Metadata.NamespaceProperty))
        {
            involved["namespace"] = subject.Metadata.NamespaceProperty;
        }

        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = involved,
            ["type"] = type,
            ["reason"] = reason,
            ["message"] = message,
            ["count"] = 1,
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["source"] = new JsonObject { ["component"] = _options.Component },
            ["reportingComponent"] = _options.Component,
        };
        await _api.SendJsonAsync(HttpMethod.Post, Events.CollectionPath(ns), body, "application/json", cancellationToken).ConfigureAwait(false);
        return new Seen(ns, name) { Count = 1 };
    }

    private void Remember(UInt128 key, Seen seen)
    {
        if (_seen.Remove(key, out var stale))
        {
            _recency.Remove(stale);
        }

        _seen[key] = _recency.AddFirst(seen);
        seen.Key = key;
        while (_seen.Count > Math.Max(1, _options.AggregationCacheSize))
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _seen.Remove(oldest.Value.Key);
        }
    }

    private string Timestamp() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class Seen(string ns, string name)
    {
        public string Namespace { get; } = ns;

        public string Name { get; } = name;

        public int Count { get; set; }

        public UInt128 Key { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording an Event with reason {Reason} failed")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
