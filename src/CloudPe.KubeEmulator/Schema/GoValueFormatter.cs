using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>Renders a bad value the way Kubernetes' field.Error does (Go %v for numbers and bools, %q for strings).</summary>
internal static class GoValueFormatter
{
    public static string Format(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return "\"null\"";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return Quote(v.GetValue<string>());
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValueKind() == JsonValueKind.True ? "true" : "false";
            case JsonValue v when JsonNumber.TryRead(v, out var number):
                return number.ToString();
            default:
                return value.ToJsonString();
        }
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Go's strconv.Quote.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
                    {
                        sb.Append(rune.Value > 0xFFFF
                            ? string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}")
                            : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
