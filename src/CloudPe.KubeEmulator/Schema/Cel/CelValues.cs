using System.Globalization;

namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Runtime semantics shared by the evaluator: type names, equality and ordering.</summary>
internal static class CelValues
{
    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        bool => "bool",
        IReadOnlyList<object?> => "list",
        CelMap => "map",
        CelOptional => "optional_type",
        _ => value.GetType().Name,
    };

    /// <summary>CEL heterogeneous equality: numbers compare by value, lists and maps deeply, other type mixes are unequal.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (TryCompareNumbers(left, right, out var order))
        {
            return order == 0;
        }

        switch (left)
        {
            case null:
                return right is null;
            case string s:
                return right is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool b:
                return right is bool c && b == c;
            case IReadOnlyList<object?> list:
                return right is IReadOnlyList<object?> other && list.Count == other.Count
                    && list.Zip(other).All(pair => AreEqual(pair.First, pair.Second));
            case CelMap map:
                return right is CelMap otherMap && map.Entries.Count == otherMap.Entries.Count
                    && map.Entries.All(entry => otherMap.Entries.TryGetValue(entry.Key, out var value) && AreEqual(entry.Value, value));
            case CelOptional optional:
                return right is CelOptional otherOptional && optional.HasValue == otherOptional.HasValue
                    && AreEqual(optional.Value, otherOptional.Value);
            default:
                return false;
        }
    }

    /// <summary>Orders numbers (across int, uint, double), strings, and bools; anything else has no overload.</summary>
    public static int Compare(object? left, object? right, string op)
    {
        if (TryCompareNumbers(left, right, out var order))
        {
            if (order is null)
            {
                throw new CelEvaluationException($"no such overload: NaN {op} comparison");
            }

            return order.Value;
        }

        return (left, right) switch
        {
            (string s, string t) => Math.Sign(string.CompareOrdinal(s, t)),
            (bool b, bool c) => b.CompareTo(c),
            _ => throw NoSuchOverload(op, left, right),
        };
    }

    public static CelEvaluationException NoSuchOverload(string op, params object?[] args) =>
        new($"no such overload: {op}({string.Join(", ", args.Select(TypeName))})");

    /// <summary>Formats a double the way Go's %v does (shortest digits; exponent form below 1e-4 and from 1e6 on).</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var decimalPoint = (point < 0 ? mantissa.Length : point) + exponent;
        var trimmed = digits.TrimStart('0');
        decimalPoint -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        var sign = value < 0 ? "-" : string.Empty;
        var exp = decimalPoint - 1;
        if (exp < -4 || exp >= 6)
        {
            return sign + Exponential(digits, exp);
        }

        if (decimalPoint <= 0)
        {
            return sign + "0." + new string('0', -decimalPoint) + digits;
        }

        return decimalPoint >= digits.Length
            ? sign + digits + new string('0', decimalPoint - digits.Length)
            : sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
    }

    private static string Exponential(string digits, int exp)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        return $"{mantissa}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
    }

    /// <summary>True when both are numbers; <paramref name="order"/> is null when NaN makes them unordered.</summary>
    private static bool TryCompareNumbers(object? left, object? right, out int? order)
    {
        order = null;
        switch (left, right)
        {
            case (long a, long b):
                order = a.CompareTo(b);
                return true;
            case (ulong a, ulong b):
                order = a.CompareTo(b);
                return true;
            case (long a, ulong b):
                order = a < 0 ? -1 : ((ulong)a).CompareTo(b);
                return true;
            case (ulong a, long b):
                order = b < 0 ? 1 : a.CompareTo((ulong)b);
                return true;
            case (double a, _) when IsNumber(right):
                var bd = ToDouble(right);
                order = double.IsNaN(a) || double.IsNaN(bd) ? null : a.CompareTo(bd);
                return true;
            case (_, double b) when IsNumber(left):
                var ad = ToDouble(left);
                order = double.IsNaN(ad) || double.IsNaN(b) ? null : ad.CompareTo(b);
                return true;
            default:
                return false;
        }
    }

    private static bool IsNumber(object? value) => value is long or ulong or double;

    private static double ToDouble(object? value) => value switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => double.NaN,
    };
}
