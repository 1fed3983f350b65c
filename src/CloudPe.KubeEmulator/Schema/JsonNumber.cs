using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// A JSON number as the Kubernetes decoder sees it: an integer literal becomes int64, anything with a
/// fraction or exponent (even 3.0) becomes float64.
/// </summary>
internal readonly record struct JsonNumber(bool IsIntegerLiteral, long Integer, double Float)
{
    public double AsDouble => IsIntegerLiteral ? Integer : Float;

    /// <summary>True for an integer literal or a float with no fractional part (Kubernetes accepts 3.0 as integer).</summary>
    public bool IsIntegral => IsIntegerLiteral || (Math.Floor(Float) == Float && Math.Abs(Float) < 9.2e18);

    public long AsInt64 => IsIntegerLiteral ? Integer : (long)Float;

    public static bool TryRead(JsonNode? node, out JsonNumber number)
    {
        number = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            var raw = element.GetRawText();
            if (raw.AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out var parsed))
            {
                number = new JsonNumber(true, parsed, parsed);
                return true;
            }

            number = new JsonNumber(false, 0, element.GetDouble());
            return true;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = new JsonNumber(true, l, l);
        }
        else if (value.TryGetValue<int>(out var i))
        {
            number = new JsonNumber(true, i, i);
        }
        else if (value.TryGetValue<double>(out var d))
        {
            number = new JsonNumber(false, 0, d);
        }
        else if (value.TryGetValue<float>(out var f))
        {
            number = new JsonNumber(false, 0, f);
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            number = new JsonNumber(false, 0, (double)m);
        }
        else
        {
            number = new JsonNumber(false, 0, double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture));
        }

        return true;
    }

    /// <summary>Go's %v rendering of the decoded value.</summary>
    public override string ToString() =>
        IsIntegerLiteral ? Integer.ToString(CultureInfo.InvariantCulture) : Cel.CelValues.Format(Float);
}
