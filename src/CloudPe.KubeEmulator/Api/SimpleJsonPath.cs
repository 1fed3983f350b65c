using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Api;

/// <summary>The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[?(@.type=="Ready")].status</c>.</summary>
internal static partial class SimpleJsonPath
{
    [GeneratedRegex("""\.([A-Za-z0-9_\-]+)|\[(\d+)\]|\[\?\(@\.([A-Za-z0-9_]+)\s*==\s*["']([^"']*)["']\)\]|\['([^']+)'\]""")]
    private static partial Regex Token();

    public static JsonNode? Evaluate(JsonNode? obj, string path)
    {
        path = path.Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1];
        }

        var cur = obj;
        foreach (Match m in Token().Matches(path))
        {
            if (cur is null)
            {
                return null;
            }

            if (m.Groups[1].Success || m.Groups[5].Success)
            {
                cur = cur is JsonObject o ? o[m.Groups[1].Success ? m.Groups[1].Value : m.Groups[5].Value] : null;
            }
            else if (m.Groups[2].Success)
            {
                var i = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                cur = cur is JsonArray a && i < a.Count ? a[i] : null;
            }
            else
            {
                var field = m.Groups[3].Value;
                var want = m.Groups[4].Value;
                cur = cur is JsonArray a ? a.FirstOrDefault(e => e is JsonObject eo && Text(eo[field]) == want) : null;
            }
        }

        return cur;
    }

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
