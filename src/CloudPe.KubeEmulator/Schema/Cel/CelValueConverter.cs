using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Turns JSON into CEL values, typed by the schema (integer → int, number → double, int-or-string → either).</summary>
internal static class CelValueConverter
{
    public static object? FromJson(JsonNode? node, SchemaNode? schema)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                return array.Select(item => FromJson(item, schema?.Items)).ToList();
            case JsonObject obj:
                var entries = CelMap.NewEntries();
                foreach (var (key, value) in obj)
                {
                    if (schema is { IsResourceRoot: true } || schema is { EmbeddedResource: true })
                    {
                        if (key == "metadata")
                        {
                            entries[key] = MetadataView(value);
                            continue;
                        }
                    }

                    entries[key] = FromJson(value, schema?.ChildFor(key));
                }

                return new CelMap(entries);
            case JsonValue value:
                return Scalar(value, schema);
            default:
                return null;
        }
    }

    private static object? Scalar(JsonValue value, SchemaNode? schema)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when JsonNumber.TryRead(value, out var number):
                if (schema?.Type == "number")
                {
                    return number.AsDouble;
                }

                if (schema?.Type == "integer" || number.IsIntegerLiteral)
                {
                    // Boxed separately: a conditional would promote the long to double.
                    return number.IsIntegral ? (object)number.AsInt64 : number.AsDouble;
                }

                return number.AsDouble;
            default:
                return null;
        }
    }

    /// <summary>Rules see only metadata.name and metadata.generateName, as in Kubernetes.</summary>
    private static CelMap MetadataView(JsonNode? metadata)
    {
        var entries = CelMap.NewEntries();
        if (metadata is JsonObject obj)
        {
            foreach (var key in (string[])["name", "generateName"])
            {
                if (obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    entries[key] = v.GetValue<string>();
                }
            }
        }

        return new CelMap(entries);
    }
}
