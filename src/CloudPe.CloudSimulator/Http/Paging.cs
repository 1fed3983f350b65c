using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Http;

/// <summary>The limit/marker mechanics shared by every list API; each service keeps its own link shape.</summary>
internal static class Paging
{
    /// <summary>Items after <paramref name="marker"/> (all when null), at most <paramref name="limit"/>.</summary>
    public static List<T> Page<T>(IReadOnlyList<T> items, string? marker, int limit, Func<T, string> id, Func<ApiException> markerNotFound)
    {
        var start = 0;
        if (marker is not null)
        {
            var index = items.Select(id).ToList().IndexOf(marker);
            if (index < 0)
            {
                throw markerNotFound();
            }

            start = index + 1;
        }

        return items.Skip(start).Take(limit).ToList();
    }

    /// <summary>The request's query without <paramref name="drop"/>, followed by <paramref name="append"/>.</summary>
    public static string Query(IQueryCollection query, string[] drop, params string[] append) =>
        string.Join('&', query
            .Where(q => !drop.Contains(q.Key))
            .SelectMany(q => q.Value.Select(value => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(value ?? "")}"))
            .Concat(append));

    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var node = new JsonObject();
        foreach (var (key, value) in values)
        {
            node[key] = value;
        }

        return node;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
