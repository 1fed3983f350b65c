using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// Applies schema defaults in place with Kubernetes semantics: a default fills an absent field (or a
/// null one that is not nullable), and defaulting continues inside the value just filled in.
/// </summary>
internal static class SchemaDefaulter
{
    public static void DefaultValue(JsonNode? node, SchemaNode? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                DefaultObject(obj, schema);
                break;
            case JsonArray array when schema.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && !schema.Items.Nullable && schema.Items.Default is not null)
                    {
                        array[i] = schema.Items.Default.DeepClone();
                    }

                    DefaultValue(array[i], schema.Items);
                }

                break;
        }
    }

    private static void DefaultObject(JsonObject obj, SchemaNode schema)
    {
        foreach (var (name, property) in schema.Properties)
        {
            if (property.Default is null || (schema.IsResourceRoot && name == "metadata"))
            {
                continue;
            }

            if (!obj.TryGetPropertyValue(name, out var current) || (current is null && !property.Nullable))
            {
                obj[name] = property.Default.DeepClone();
            }
        }

        foreach (var (key, value) in obj.ToList())
        {
            if (schema.IsResourceRoot && key == "metadata")
            {
                continue;
            }

            if (schema.Properties.TryGetValue(key, out var property))
            {
                DefaultValue(value, property);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                if (value is null && !additional.Nullable && additional.Default is not null)
                {
                    obj[key] = additional.Default.DeepClone();
                }

                DefaultValue(obj[key], additional);
            }
        }
    }
}
