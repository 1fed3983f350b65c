using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>RFC 7386 JSON merge patch; optionally drops strategic-merge directives (<c>$patch</c>, <c>$setElementOrder/...</c>).</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, bool dropDirectives = false)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject t ? t.DeepClone().AsObject() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (dropDirectives && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Apply(result[key], value, dropDirectives);
            }
        }

        return result;
    }

    /// <summary>Adds explicit nulls for fields present in <paramref name="previous"/> but absent from <paramref name="next"/>.</summary>
    public static JsonNode? WithRemovals(JsonNode? previous, JsonNode? next)
    {
        if (previous is not JsonObject p || next is not JsonObject n)
        {
            return next?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, value) in n)
        {
            result[key] = WithRemovals(p[key], value);
        }

        foreach (var (key, _) in p)
        {
            if (!n.ContainsKey(key))
            {
                result[key] = null;
            }
        }

        return result;
    }
}
