using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Neutron list semantics: attribute filters (unknown ones rejected), tag filters, <c>fields</c>, limit/marker paging.</summary>
internal static class NeutronCollection
{
    private static readonly HashSet<string> Controls = new(StringComparer.Ordinal)
    {
        "fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any",
    };

    public static JsonReply List(ApiRequest r, string collection, IEnumerable<JsonObject> items)
    {
        var filtered = items.ToList();
        foreach (var (key, values) in r.Query)
        {
            if (Controls.Contains(key))
            {
                continue;
            }

            // The attribute set comes from the items themselves; an empty collection accepts any filter.
            if (key != "fixed_ips" && filtered.Count > 0 && !filtered[0].ContainsKey(key))
            {
                throw new ApiException(400, $"[{key}] is invalid attribute for filtering", "HTTPBadRequest");
            }

            filtered = key == "fixed_ips"
                ? filtered.Where(item => values.Any(v => MatchesFixedIp(item, v ?? ""))).ToList()
                : filtered.Where(item => values.Any(v => Matches(item[key], v ?? ""))).ToList();
        }

        var tagFilter = TagFilter.From(r);
        filtered = filtered.Where(item => tagFilter.Matches((item["tags"] as JsonArray)?.Select(t => t?.ToString() ?? "").ToList() ?? [])).ToList();
        var limit = r.IntQuery("limit");
        var page = Paging.Page(filtered, r.QueryValue("marker"), limit is > 0 ? limit.Value : int.MaxValue, i => i["id"]?.ToString() ?? "",
            () => ApiException.NotFound("The resource could not be found."));
        var fields = r.Query["fields"].SelectMany(f => (f ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var body = new JsonObject { [collection] = new JsonArray(page.Select(i => (JsonNode)Project(i, fields)).ToArray()) };
        if (limit is > 0 && page.Count == limit)
        {
            var query = Paging.Query(r.Query, ["marker"], $"marker={page[^1]["id"]}");
            body[collection + "_links"] = new JsonArray(new JsonObject
            {
                ["rel"] = "next",
                ["href"] = $"{r.State.PublicRoot}/network/v2.0/{collection.Replace('_', '-')}?{query}",
            });
        }

        return new JsonReply(200, body);
    }

    public static JsonObject Project(JsonObject item, IReadOnlySet<string> fields)
    {
        if (fields.Count == 0)
        {
            return item;
        }

        var projected = new JsonObject();
        foreach (var field in fields.Where(item.ContainsKey))
        {
            projected[field] = item[field]?.DeepClone();
        }

        return projected;
    }

    private static bool Matches(JsonNode? value, string wanted) => value switch
    {
        null => wanted.Length == 0,
        JsonArray array => array.Any(v => string.Equals(v?.ToString(), wanted, StringComparison.Ordinal)),
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False =>
            string.Equals(v.ToJsonString(), wanted, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(value.ToString(), wanted, StringComparison.Ordinal),
    };

    /// <summary><c>fixed_ips=ip_address=X</c> or <c>fixed_ips=subnet_id=Y</c>.</summary>
    private static bool MatchesFixedIp(JsonObject item, string filter)
    {
        var parts = filter.Split('=', 2);
        return parts.Length == 2 && item["fixed_ips"] is JsonArray ips && ips.Any(ip => ip?[parts[0]]?.ToString() == parts[1]);
    }
}
