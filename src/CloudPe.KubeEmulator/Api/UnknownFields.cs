using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Finds the fields schema pruning removed, for <c>fieldValidation=Strict</c> (kubectl's default for apply, create and replace).</summary>
internal static class UnknownFields
{
    public static List<string> Removed(JsonNode? before, JsonNode? after, string path = "")
    {
        var removed = new List<string>();
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var (key, value) in b)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!a.ContainsKey(key))
                    {
                        removed.Add(child);
                    }
                    else
                    {
                        removed.AddRange(Removed(value, a[key], child));
                    }
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < b.Count && i < a.Count; i++)
                {
                    removed.AddRange(Removed(b[i], a[i], $"{path}[{i}]"));
                }

                break;
            default:
                break;
        }

        return removed;
    }

    public static void RejectIfStrict(ApiRequest req, JsonObject before, JsonObject after)
    {
        if (req.Q("fieldValidation") != "Strict")
        {
            return;
        }

        var removed = Removed(before, after);
        if (removed.Count > 0)
        {
            var kind = req.Type.Kind;
            throw Statuses.BadRequest($"{kind} in version \"{req.Type.Version}\" cannot be handled as a {kind}: strict decoding error: "
                + string.Join(", ", removed.Select(f => $"unknown field \"{f}\"")));
        }
    }
}
