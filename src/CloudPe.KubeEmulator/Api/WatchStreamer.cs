using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Storage;
using CloudPe.KubeEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Streams watch events as newline-delimited JSON, with bookmarks, selectors, timeouts and 410 for forgotten history.</summary>
internal sealed class WatchStreamer(ObjectStore store, EmulatorOptions options)
{
    public async Task StreamAsync(HttpContext http, ApiRequest req, bool asTable)
    {
        var type = req.Type;
        var selectors = Selectors.Parse(req.Q("labelSelector"), req.Q("fieldSelector"));
        var rvText = req.Q("resourceVersion") ?? "";
        var bookmarks = req.Q("allowWatchBookmarks") == "true";
        var initialBookmark = req.Q("sendInitialEvents") == "true" && bookmarks;
        var initial = new List<JsonObject>();
        WatchSubscription? sub;
        long oldest;
        long startRv;
        lock (store.Gate)
        {
            var ns = type.Namespaced ? req.Namespace : null;
            if (rvText is "" or "0" || initialBookmark)
            {
                initial.AddRange(store.List(type.BucketKey, ns).Select(kv => kv.Value).Where(selectors.Matches));
                startRv = store.ResourceVersion;
            }
            else if (!long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out startRv))
            {
                throw Statuses.BadRequest($"invalid resource version \"{rvText}\"");
            }

            sub = store.Subscribe(type.BucketKey, ns, startRv, out oldest);
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = asTable ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json";
        http.Response.Headers.CacheControl = "no-cache, private";
        await http.Response.StartAsync(http.RequestAborted);
        var body = http.Response.Body;
        if (sub is null)
        {
            var gone = Statuses.Failure(410, "Expired", $"too old resource version: {rvText} ({oldest})");
            await WriteEventAsync(body, "ERROR", gone, http.RequestAborted);
            return;
        }

        using var subscription = sub;
        var timeoutSeconds = int.TryParse(req.Q("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 1800;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, sub.Closed, timeout.Token);
        var ct = linked.Token;
        var firstTable = true;
        var lastRv = startRv;

        async Task SendEvent(string eventType, WatchEvent e)
        {
            if (!asTable && ReferenceEquals(ObjectPresenter.Present(type, e.Object), e.Object))
            {
                await WriteRawEventAsync(body, eventType, e.ObjectJson(JsonWire.Bytes), ct);
                return;
            }

            await SendObject(eventType, e.Object);
        }

        async Task SendObject(string eventType, JsonObject obj)
        {
            var presented = ObjectPresenter.Present(type, obj);
            JsonObject payload = presented;
            if (asTable)
            {
                payload = TableBuilder.Build(type, [presented], (string?)obj["metadata"]?["resourceVersion"] ?? "", options.TimeProvider.GetUtcNow(),
                    req.Q("includeObject"), withColumns: firstTable);
                firstTable = false;
            }

            await WriteEventAsync(body, eventType, payload, ct);
        }

        try
        {
            foreach (var obj in initial)
            {
                await SendObject("ADDED", obj);
            }

            if (initialBookmark)
            {
                await WriteBookmarkAsync(body, type.Kind, type.GroupVersion, lastRv, true, ct);
            }

            await body.FlushAsync(ct);
            var reader = sub.Events.Reader;
            Task<bool>? wait = null;
            while (!ct.IsCancellationRequested)
            {
                wait ??= reader.WaitToReadAsync(ct).AsTask();
                if (bookmarks)
                {
                    using var tickCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var tick = Task.Delay(options.BookmarkInterval, options.TimeProvider, tickCancel.Token);
                    var first = await Task.WhenAny(wait, tick);
                    await tickCancel.CancelAsync();
                    if (first == tick && !wait.IsCompleted)
                    {
                        await WriteBookmarkAsync(body, type.Kind, type.GroupVersion, CurrentRv(lastRv), false, ct);
                        continue;
                    }
                }

                var more = await wait;
                wait = null;
                if (!more)
                {
                    break;
                }

                while (reader.TryRead(out var e))
                {
                    lastRv = e.ResourceVersion;
                    var nowMatches = selectors.Matches(e.Object);
                    var wasMatching = e.Previous is not null && selectors.Matches(e.Previous);
                    var eventType = e.Type;
                    if (!selectors.IsEmpty && e.Type == "MODIFIED")
                    {
                        if (nowMatches && !wasMatching)
                        {
                            eventType = "ADDED";
                        }
                        else if (!nowMatches && wasMatching)
                        {
                            eventType = "DELETED";
                        }
                    }

                    var relevant = eventType == "DELETED" && e.Type == "MODIFIED" ? wasMatching : nowMatches;
                    if (relevant)
                    {
                        await SendEvent(eventType, e);
                    }
                }

                await body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Client left, timeout, or the emulator cut the stream.
        }
        catch (IOException)
        {
            // Client connection dropped.
        }
        finally
        {
            store.Unsubscribe(sub);
        }
    }

    private long CurrentRv(long fallback)
    {
        lock (store.Gate)
        {
            return Math.Max(fallback, store.ResourceVersion);
        }
    }

    private static async Task WriteBookmarkAsync(Stream body, string kind, string apiVersion, long rv, bool initialEnd, CancellationToken ct)
    {
        var meta = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) };
        if (initialEnd)
        {
            meta["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        await WriteEventAsync(body, "BOOKMARK", new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = meta }, ct);
        await body.FlushAsync(ct);
    }

    private static async Task WriteRawEventAsync(Stream body, string type, byte[] objectJson, CancellationToken ct)
    {
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        var line = new byte[prefix.Length + objectJson.Length + 2];
        prefix.CopyTo(line, 0);
        objectJson.CopyTo(line, prefix.Length);
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        await body.WriteAsync(line, ct);
    }

    private static async Task WriteEventAsync(Stream body, string type, JsonObject obj, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonWire.Options.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WritePropertyName("object");
            obj.WriteTo(w, JsonWire.Options);
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
    }
}
