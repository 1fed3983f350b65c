using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Storage;
using CloudPe.KubeEmulator.Wire;

namespace CloudPe.KubeEmulator.Api;

/// <summary>GET and LIST, as JSON objects, Lists (with <c>limit</c>/<c>continue</c>) or Tables.</summary>
internal sealed class ReadService(ObjectStore store, TimeProvider time)
{
    public JsonObject Get(ApiRequest req, bool asTable)
    {
        JsonObject stored;
        string rv;
        lock (store.Gate)
        {
            stored = store.Get(req.Type.BucketKey, req.Ns, req.Name!) ?? throw Statuses.NotFound(req.Type, req.Name!);
            rv = (string?)stored["metadata"]?["resourceVersion"] ?? "";
        }

        var obj = ObjectPresenter.Present(req.Type, stored);
        return asTable ? TableBuilder.Build(req.Type, [obj], rv, time.GetUtcNow(), req.Q("includeObject")) : obj;
    }

    /// <summary>Serialises a list page to UTF-8 JSON (a List or a Table).</summary>
    public byte[] List(ApiRequest req, bool asTable)
    {
        var selectors = Selectors.Parse(req.Q("labelSelector"), req.Q("fieldSelector"));
        var limit = int.TryParse(req.Q("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var after = DecodeContinue(req.Q("continue"));
        var items = new List<JsonObject>();
        string? next = null;
        long remaining = 0;
        string rv;
        lock (store.Gate)
        {
            rv = store.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            foreach (var (key, obj) in store.List(req.Type.BucketKey, req.Type.Namespaced ? req.Namespace : null, after))
            {
                if (!selectors.Matches(obj))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    next ??= EncodeContinue(items[^1]);
                    remaining++;
                    continue;
                }

                items.Add(obj);
            }
        }

        var presented = items.Select(o => ObjectPresenter.Present(req.Type, o));
        if (asTable)
        {
            return JsonWire.Bytes(TableBuilder.Build(req.Type, presented, rv, time.GetUtcNow(), req.Q("includeObject"), continueToken: next));
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonWire.Options.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("kind", req.Type.Kind + "List");
            w.WriteString("apiVersion", req.Type.GroupVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", rv);
            if (next is not null)
            {
                w.WriteString("continue", next);
                w.WriteNumber("remainingItemCount", remaining);
            }

            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var item in presented)
            {
                item.WriteTo(w, JsonWire.Options);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string EncodeContinue(JsonObject last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(string?)last["metadata"]?["namespace"]}\n{(string?)last["metadata"]?["name"]}"));

    private static ObjectKey? DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            return parts.Length == 2 ? new ObjectKey(parts[0], parts[1]) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw Statuses.BadRequest("continue key is not valid: illegal base64 data");
        }
    }
}
