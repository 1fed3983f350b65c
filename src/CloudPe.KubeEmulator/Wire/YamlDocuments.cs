using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudPe.KubeEmulator.Wire;

/// <summary>Turns a multi-document YAML manifest into JSON objects, typing plain scalars like kubectl does.</summary>
internal static partial class YamlDocuments
{
    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    public static IReadOnlyList<JsonObject> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var result = new List<JsonObject>();
        foreach (var doc in stream.Documents)
        {
            if (Convert(doc.RootNode) is JsonObject obj)
            {
                if ((string?)obj["kind"] is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
                {
                    result.AddRange(items.OfType<JsonObject>().Select(i => i.DeepClone().AsObject()));
                }
                else
                {
                    result.Add(obj);
                }
            }
        }

        return result;
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    obj[((YamlScalarNode)k).Value ?? ""] = Convert(v);
                }

                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                foreach (var item in seq.Children)
                {
                    arr.Add(Convert(item));
                }

                return arr;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return value;
                }

                return value switch
                {
                    "" or "~" or "null" or "Null" or "NULL" => null,
                    "true" or "True" or "TRUE" => true,
                    "false" or "False" or "FALSE" => false,
                    _ when IntPattern().IsMatch(value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                    _ when FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                    _ => value,
                };
            default:
                return null;
        }
    }
}
