namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>+ - * / % with CEL's rules: no implicit int/double mixing, overflow and division by zero are errors.</summary>
internal static class CelArithmetic
{
    public static object? Apply(string op, object? left, object? right)
    {
        try
        {
            return (left, right) switch
            {
                (long a, long b) => Int(op, a, b),
                (ulong a, ulong b) => Uint(op, a, b),
                (double a, double b) => Double(op, a, b, left, right),
                (string a, string b) when op == "+" => a + b,
                (IReadOnlyList<object?> a, IReadOnlyList<object?> b) when op == "+" => a.Concat(b).ToList(),
                _ => throw CelValues.NoSuchOverload($"_{op}_", left, right),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException(left is ulong ? "unsigned integer overflow" : "integer overflow");
        }
    }

    private static long Int(string op, long a, long b) => op switch
    {
        "+" => checked(a + b),
        "-" => checked(a - b),
        "*" => checked(a * b),
        "/" => b == 0 ? throw new CelEvaluationException("division by zero") : checked(a / b),
        "%" => b == 0 ? throw new CelEvaluationException("modulus by zero") : (b == -1 ? 0 : a % b),
        _ => throw CelValues.NoSuchOverload($"_{op}_", a, b),
    };

    private static ulong Uint(string op, ulong a, ulong b) => op switch
    {
        "+" => checked(a + b),
        "-" => checked(a - b),
        "*" => checked(a * b),
        "/" => b == 0 ? throw new CelEvaluationException("division by zero") : a / b,
        "%" => b == 0 ? throw new CelEvaluationException("modulus by zero") : a % b,
        _ => throw CelValues.NoSuchOverload($"_{op}_", a, b),
    };

    private static double Double(string op, double a, double b, object? left, object? right) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        _ => throw CelValues.NoSuchOverload($"_{op}_", left, right),
    };
}
