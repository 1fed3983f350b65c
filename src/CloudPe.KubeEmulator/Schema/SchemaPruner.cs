using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// Removes fields the schema does not declare (unless x-kubernetes-preserve-unknown-fields) and
/// non-nullable nulls that have no default, like the API server's structural pruning.
/// </summary>
internal static class SchemaPruner
{
    private static readonly string[] ResourceFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Prunes a whole object; apiVersion, kind and metadata at the root are kept untouched.</summary>
    public static void PruneValue(JsonNode? node, SchemaNode? schema)
    {
        switch (node)
        {
            case JsonObject obj when schema is not null:
                PruneObject(obj, schema);
                break;
            case JsonArray array when schema?.Items is not null:
                foreach (var item in array)
                {
                    PruneValue(item, schema.Items);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, SchemaNode schema)
    {
        var keepResourceFields = schema.IsResourceRoot || schema.EmbeddedResource;
        foreach (var (key, value) in obj.ToList())
        {
            if (keepResourceFields && ResourceFields.Contains(key))
            {
                continue;
            }

            var child = schema.ChildFor(key);
            if (child is null)
            {
                if (!schema.PreserveUnknownFields && !schema.AdditionalPropertiesAny)
                {
                    obj.Remove(key);
                }

                continue;
            }

            if (value is null && !child.Nullable && child.Default is null)
            {
                obj.Remove(key);
                continue;
            }

            PruneValue(value, child);
        }
    }
}
