using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudPe.CloudSimulator.Http;

namespace CloudPe.CloudSimulator.Api;

/// <summary>
/// Nova's <c>metadata</c> schema (server create and the metadata sub-resource): keys must match
/// <c>^[a-zA-Z0-9-_:. ]{1,255}$</c>, values are strings of at most 255 characters, at most 128 items.
/// Error texts are what Nova's JSON-schema validation answers (Python reprs included).
/// </summary>
internal static partial class NovaMetadata
{
    public const string KeyPattern = "^[a-zA-Z0-9-_:. ]{1,255}$";
    private const int MaxItems = 128;
    private const int MaxValueLength = 255;

    public static Dictionary<string, string> Parse(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not JsonObject metadata)
        {
            throw ApiException.BadRequest($"Invalid input for field/attribute metadata. Value: {PythonRepr(node)}. {PythonRepr(node)} is not of type 'object'");
        }

        foreach (var (key, value) in metadata)
        {
            if (!Key().IsMatch(key))
            {
                throw ApiException.BadRequest($"Invalid input for field/attribute metadata. Value: {PythonRepr(metadata)}. {PythonString(key)} does not match any of the regexes: '{KeyPattern}'");
            }

            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw ApiException.BadRequest($"Invalid input for field/attribute {key}. Value: {value?.ToJsonString() ?? "None"}. {PythonRepr(value)} is not of type 'string'");
            }

            var text = v.GetValue<string>();
            if (text.Length > MaxValueLength)
            {
                throw ApiException.BadRequest($"Invalid input for field/attribute {key}. Value: {text}. {PythonString(text)} is too long");
            }

            result[key] = text;
        }

        // Nova checks the count against the metadata_items quota after the schema: a 403, not a 400.
        if (result.Count > MaxItems)
        {
            throw new ApiException(403, $"Quota exceeded for metadata_items: Requested {result.Count}, but already used 0 of 128 metadata_items");
        }

        return result;
    }

    /// <summary>How Python prints a JSON value (<c>{'k': 'v'}</c>, <c>None</c>, <c>True</c>).</summary>
    public static string PythonRepr(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "None";
            case JsonObject o:
                return "{" + string.Join(", ", o.Select(p => $"{PythonString(p.Key)}: {PythonRepr(p.Value)}")) + "}";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(PythonRepr)) + "]";
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => PythonString(v.GetValue<string>()),
                    JsonValueKind.True => "True",
                    JsonValueKind.False => "False",
                    _ => v.ToJsonString(),
                };
            default:
                return node.ToJsonString();
        }
    }

    private static string PythonString(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            if (c == '\\' || c == quote)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append(quote).ToString();
    }

    // The hyphen is moved to the end: the same set as Nova's pattern, unambiguous for .NET.
    [GeneratedRegex("^[a-zA-Z0-9_:. -]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
