using System.Globalization;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>RFC 6902 JSON patch over JsonNode documents.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["r"] = document.DeepClone() };
        foreach (var opNode in operations)
        {
            var op = opNode?.AsObject() ?? throw new FormatException("patch operation must be an object");
            var kind = (string?)op["op"] ?? throw new FormatException("missing op");
            var path = Pointer((string?)op["path"] ?? throw new FormatException("missing path"));
            switch (kind)
            {
                case "add":
                    Add(root, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    {
                        var from = Pointer((string?)op["from"] ?? throw new FormatException("missing from"));
                        var value = Remove(root, from);
                        Add(root, path, value);
                        break;
                    }

                case "copy":
                    {
                        var from = Pointer((string?)op["from"] ?? throw new FormatException("missing from"));
                        Add(root, path, Resolve(root, from)?.DeepClone());
                        break;
                    }

                case "test":
                    if (!JsonNode.DeepEquals(Resolve(root, path), op["value"]))
                    {
                        throw new FormatException($"testing value {op["path"]} failed");
                    }

                    break;
                default:
                    throw new FormatException($"unknown operation \"{kind}\"");
            }
        }

        return root["r"]!;
    }

    private static List<string> Pointer(string path)
    {
        var parts = new List<string> { "r" };
        if (path.Length == 0)
        {
            return parts;
        }

        if (path[0] != '/')
        {
            throw new FormatException($"invalid JSON pointer \"{path}\"");
        }

        parts.AddRange(path[1..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        return parts;
    }

    private static JsonNode? Resolve(JsonNode root, List<string> path)
    {
        JsonNode? cur = root;
        foreach (var p in path)
        {
            cur = cur switch
            {
                JsonObject o when o.ContainsKey(p) => o[p],
                JsonArray a when int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw new FormatException($"path /{string.Join('/', path.Skip(1))} does not exist"),
            };
        }

        return cur;
    }

    private static void Add(JsonNode root, List<string> path, JsonNode? value)
    {
        var parent = Resolve(root, path[..^1]);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new FormatException($"cannot add at /{string.Join('/', path.Skip(1))}");
        }
    }

    private static JsonNode? Remove(JsonNode root, List<string> path)
    {
        var parent = Resolve(root, path[..^1]);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                var v = o[last];
                o.Remove(last);
                return v;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw new FormatException($"path /{string.Join('/', path.Skip(1))} does not exist");
        }
    }
}
