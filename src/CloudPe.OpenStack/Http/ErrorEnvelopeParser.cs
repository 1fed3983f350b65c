using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CloudPe.OpenStack.Http;

/// <summary>
/// Parses every error envelope OpenStack uses: Nova/Cinder {"kind":{"message","code"}}, {"NeutronError":{"type","message"}},
/// Keystone {"error":{"message","code","title"}}, a bare {"message"}, HTML and plain text.
/// </summary>
internal static partial class ErrorEnvelopeParser
{
    private const int MaxMessageLength = 512;

    public static ErrorEnvelope Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var parsed = FromJson(document.RootElement);
                if (parsed.Message is not null || parsed.Kind is not null)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to plain text.
            }
        }

        return new ErrorEnvelope(null, FromText(body));
    }

    private static ErrorEnvelope FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        if (root.TryGetProperty("message", out var bare) && bare.ValueKind == JsonValueKind.String)
        {
            return new ErrorEnvelope(StringOf(root, "title") ?? StringOf(root, "type"), Clean(bare.GetString()));
        }

        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                // Old Neutron: {"NeutronError": "text"}.
                return new ErrorEnvelope(property.Name, Clean(value.GetString()));
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var message = StringOf(value, "message") ?? StringOf(value, "detail") ?? StringOf(value, "explanation");
            var kind = property.Name switch
            {
                "NeutronError" => StringOf(value, "type") ?? property.Name,
                "error" => StringOf(value, "title") ?? property.Name,
                _ => property.Name,
            };
            return new ErrorEnvelope(kind, Clean(message));
        }

        return default;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FromText(string body)
    {
        // HTML error pages (webob, proxies): keep the text, drop the markup.
        var text = Tags().Replace(body, " ");
        return Clean(System.Net.WebUtility.HtmlDecode(text));
    }

    private static string? Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var collapsed = Whitespace().Replace(message, " ").Trim();
        if (collapsed.Length > MaxMessageLength)
        {
            collapsed = new StringBuilder(collapsed, 0, MaxMessageLength, MaxMessageLength + 1).Append('…').ToString();
        }

        return collapsed;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
