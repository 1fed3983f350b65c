using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.Controllers;

/// <summary>
/// RFC 7386 merge patches computed from two JSON documents, with semantic equality: object member order,
/// number spelling (1 vs 1.0) and absent-versus-null members do not count as changes.
/// </summary>
internal static class JsonMergePatch
{
    /// <summary>The patch turning <paramref name="from"/> into <paramref name="to"/>, or null when they are equal.</summary>
    public static JsonNode? Diff(JsonNode? from, JsonNode? to)
    {
        if (from is JsonObject source && to is JsonObject target)
        {
            var patch = new JsonObject();
            foreach (var (key, value) in target)
            {
                var old = source[key];
                if (value is null)
                {
                    continue;
                }

                if (old is JsonObject && value is JsonObject)
                {
                    if (Diff(old, value) is { } nested)
                    {
                        patch[key] = nested;
                    }
                }
                else if (!SemanticEquals(old, value))
                {
                    patch[key] = value.DeepClone();
                }
            }

            foreach (var (key, value) in source)
            {
                if (value is not null && target[key] is null)
                {
                    patch[key] = null;
                }
            }

            return patch.Count == 0 ? null : patch;
        }

        return SemanticEquals(from, to) ? null : to?.DeepClone();
    }

    public static bool SemanticEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                var xs = x.Where(p => p.Value is not null).ToList();
                return xs.Count == y.Count(p => p.Value is not null) && xs.All(p => SemanticEquals(p.Value, y[p.Key]));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => SemanticEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                return ValueEquals(x, y);
            default:
                return false;
        }
    }

    private static bool ValueEquals(JsonValue x, JsonValue y)
    {
        var kind = x.GetValueKind();
        if (kind != y.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => x.GetValue<JsonElement>().GetDecimal() == y.GetValue<JsonElement>().GetDecimal(),
            JsonValueKind.String => x.GetValue<string>() == y.GetValue<string>(),
            _ => true, // true, false and null: equal kinds are equal values
        };
    }
}
