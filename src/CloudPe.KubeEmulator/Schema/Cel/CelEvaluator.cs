using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Evaluates a checked expression; runtime errors surface as <see cref="CelEvaluationException"/>.</summary>
internal static class CelEvaluator
{
    public static object? Evaluate(CelExpr expr, CelActivation scope) => expr switch
    {
        CelLiteral literal => literal.Value,
        CelIdent ident => scope.Lookup(ident.Name),
        CelSelect select => Select(select, scope),
        CelIndex index => Index(Evaluate(index.Operand, scope), Evaluate(index.Index, scope)),
        CelCall call => Call(call, scope),
        CelUnary unary => Unary(unary.Operator, Evaluate(unary.Operand, scope)),
        CelBinary binary => Binary(binary, scope),
        CelConditional conditional => AsBool(Evaluate(conditional.Condition, scope), "_?_:_")
            ? Evaluate(conditional.WhenTrue, scope)
            : Evaluate(conditional.WhenFalse, scope),
        CelListLiteral list => list.Items.Select(item => Evaluate(item, scope)).ToList(),
        CelMapLiteral map => MapLiteral(map, scope),
        CelComprehension comprehension => Comprehension(comprehension, scope),
        _ => throw new CelEvaluationException("unsupported expression"),
    };

    private static bool AsBool(object? value, string op) =>
        value is bool b ? b : throw CelValues.NoSuchOverload(op, value);

    private static object? Select(CelSelect select, CelActivation scope)
    {
        var operand = Evaluate(select.Operand, scope);
        var field = CelFunctions.UnescapeFieldName(select.Field);
        if (operand is not CelMap map)
        {
            throw new CelEvaluationException($"no such overload: field selection '{field}' on {CelValues.TypeName(operand)}");
        }

        if (select.TestOnly)
        {
            return map.Entries.ContainsKey(field);
        }

        return map.Entries.TryGetValue(field, out var value) ? value : throw new CelEvaluationException($"no such key: {field}");
    }

    private static object? Index(object? operand, object? index)
    {
        switch (operand)
        {
            case IReadOnlyList<object?> list:
                long position = index switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when Math.Floor(d) == d && Math.Abs(d) < 9.2e18 => (long)d,
                    _ => throw CelValues.NoSuchOverload("_[_]", operand, index),
                };
                if (position < 0 || position >= list.Count)
                {
                    throw new CelEvaluationException($"index out of bounds: {position}");
                }

                return list[(int)position];
            case CelMap map:
                if (index is null)
                {
                    throw CelValues.NoSuchOverload("_[_]", operand, index);
                }

                return map.Entries.TryGetValue(index, out var value)
                    ? value
                    : throw new CelEvaluationException($"no such key: {FormatKey(index)}");
            default:
                throw CelValues.NoSuchOverload("_[_]", operand, index);
        }
    }

    private static string FormatKey(object key) => key switch
    {
        double d => CelValues.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };

    private static CelMap MapLiteral(CelMapLiteral map, CelActivation scope)
    {
        var entries = CelMap.NewEntries();
        foreach (var entry in map.Entries)
        {
            var key = Evaluate(entry.Key, scope) ?? throw new CelEvaluationException("unsupported map key type: null_type");
            if (!entries.TryAdd(key, Evaluate(entry.Value, scope)))
            {
                throw new CelEvaluationException($"Failed with repeated key: {FormatKey(key)}");
            }
        }

        return new CelMap(entries);
    }

    private static object? Call(CelCall call, CelActivation scope)
    {
        var args = call.Args.Select(arg => Evaluate(arg, scope)).ToArray();
        if (call.Target is null)
        {
            return CallGlobal(call.Function, args[0]);
        }

        var target = Evaluate(call.Target, scope);
        return CallMethod(call.Function, target, args);
    }

    private static object? CallGlobal(string function, object? arg) => function switch
    {
        "size" => Size(arg),
        "int" => ToInt(arg),
        "uint" => ToUint(arg),
        "double" => ToDouble(arg),
        "string" => ToCelString(arg),
        "bool" => arg switch
        {
            bool b => b,
            "true" or "True" or "TRUE" or "t" or "1" => true,
            "false" or "False" or "FALSE" or "f" or "0" => false,
            string s => throw new CelEvaluationException($"type conversion error from 'string' to 'bool': {s}"),
            _ => throw CelValues.NoSuchOverload("bool", arg),
        },
        "dyn" => arg,
        _ => throw new CelEvaluationException($"no such overload: {function}"),
    };

    private static object? CallMethod(string function, object? target, object?[] args)
    {
        switch (function, target)
        {
            case ("size", _):
                return Size(target);
            case ("startsWith", string s) when args[0] is string prefix:
                return s.StartsWith(prefix, StringComparison.Ordinal);
            case ("endsWith", string s) when args[0] is string suffix:
                return s.EndsWith(suffix, StringComparison.Ordinal);
            case ("contains", string s) when args[0] is string part:
                return s.Contains(part, StringComparison.Ordinal);
            case ("matches", string s) when args[0] is string pattern:
                return Matches(s, pattern);
            case ("lowerAscii", string s):
                return MapAscii(s, char.ToLowerInvariant);
            case ("upperAscii", string s):
                return MapAscii(s, char.ToUpperInvariant);
            case ("hasValue", CelOptional optional):
                return optional.HasValue;
            case ("value", CelOptional optional):
                return optional.HasValue ? optional.Value : throw new CelEvaluationException("optional.none() dereference");
            case ("orValue", CelOptional optional):
                return optional.HasValue ? optional.Value : args[0];
            default:
                throw CelValues.NoSuchOverload(function, [target, .. args]);
        }
    }

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        IReadOnlyList<object?> list => list.Count,
        CelMap map => map.Entries.Count,
        _ => throw CelValues.NoSuchOverload("size", value),
    };

    private static bool Matches(string text, string pattern)
    {
        Regex regex;
        try
        {
            regex = Re2Regex.Create(pattern);
        }
        catch (ArgumentException e)
        {
            throw new CelEvaluationException($"invalid regular expression '{pattern}': {e.Message}");
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelEvaluationException($"regular expression '{pattern}' timed out");
        }
    }

    private static string MapAscii(string text, Func<char, char> map)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsAscii(c) ? map(c) : c);
        }

        return sb.ToString();
    }

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        ulong u => u <= long.MaxValue ? (long)u : throw new CelEvaluationException("range error converting uint to int"),
        double d => !double.IsNaN(d) && d > -9.223372036854775808e18 && d < 9.223372036854775807e18
            ? (long)d
            : throw new CelEvaluationException("range error converting double to int"),
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CelEvaluationException($"type conversion error from 'string' to 'int': {s}"),
        _ => throw CelValues.NoSuchOverload("int", value),
    };

    private static ulong ToUint(object? value) => value switch
    {
        ulong u => u,
        long l => l >= 0 ? (ulong)l : throw new CelEvaluationException("range error converting int to uint"),
        double d => !double.IsNaN(d) && d >= 0 && d < 1.8446744073709552e19
            ? (ulong)d
            : throw new CelEvaluationException("range error converting double to uint"),
        string s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CelEvaluationException($"type conversion error from 'string' to 'uint': {s}"),
        _ => throw CelValues.NoSuchOverload("uint", value),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CelEvaluationException($"type conversion error from 'string' to 'double': {s}"),
        _ => throw CelValues.NoSuchOverload("double", value),
    };

    private static string ToCelString(object? value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => CelValues.Format(d),
        bool b => b ? "true" : "false",
        _ => throw CelValues.NoSuchOverload("string", value),
    };

    private static object? Unary(string op, object? operand) => (op, operand) switch
    {
        ("!", bool b) => !b,
        ("-", long l) => l == long.MinValue ? throw new CelEvaluationException("integer overflow") : -l,
        ("-", double d) => -d,
        _ => throw CelValues.NoSuchOverload(op + "_", operand),
    };

    private static object? Binary(CelBinary binary, CelActivation scope)
    {
        switch (binary.Operator)
        {
            case "&&":
                return ShortCircuit(binary, scope, decisive: false);
            case "||":
                return ShortCircuit(binary, scope, decisive: true);
        }

        var left = Evaluate(binary.Left, scope);
        var right = Evaluate(binary.Right, scope);
        return binary.Operator switch
        {
            "==" => CelValues.AreEqual(left, right),
            "!=" => !CelValues.AreEqual(left, right),
            "<" => CelValues.Compare(left, right, "_<_") < 0,
            "<=" => CelValues.Compare(left, right, "_<=_") <= 0,
            ">" => CelValues.Compare(left, right, "_>_") > 0,
            ">=" => CelValues.Compare(left, right, "_>=_") >= 0,
            "in" => In(left, right),
            _ => CelArithmetic.Apply(binary.Operator, left, right),
        };
    }

    /// <summary>
    /// CEL's commutative short-circuit for &amp;&amp; (decisive false) and || (decisive true): the decisive
    /// value on either side wins over an error on the other.
    /// </summary>
    private static bool ShortCircuit(CelBinary binary, CelActivation scope, bool decisive)
    {
        CelEvaluationException? error = null;
        foreach (var side in (CelExpr[])[binary.Left, binary.Right])
        {
            try
            {
                if (AsBool(Evaluate(side, scope), $"_{binary.Operator}_") == decisive)
                {
                    return decisive;
                }
            }
            catch (CelEvaluationException e)
            {
                error ??= e;
            }
        }

        return error is null ? !decisive : throw error;
    }

    private static bool In(object? element, object? container) => container switch
    {
        IReadOnlyList<object?> list => list.Any(item => CelValues.AreEqual(element, item)),
        CelMap map => element is not null && map.Entries.ContainsKey(element),
        _ => throw CelValues.NoSuchOverload("@in", element, container),
    };

    private static object? Comprehension(CelComprehension comprehension, CelActivation scope)
    {
        var range = Evaluate(comprehension.Range, scope);
        IEnumerable<object?> items = range switch
        {
            IReadOnlyList<object?> list => list,
            CelMap map => map.Entries.Keys,
            _ => throw CelValues.NoSuchOverload(comprehension.Macro, range),
        };

        switch (comprehension.Macro)
        {
            case "all":
                return Quantify(comprehension, scope, items, stopOn: false);
            case "exists":
                return Quantify(comprehension, scope, items, stopOn: true);
            case "exists_one":
                return items.Count(item => AsBool(Evaluate(comprehension.Body, scope.Bind(comprehension.Variable, item)), "exists_one")) == 1;
            case "filter":
                return items.Where(item => AsBool(Evaluate(comprehension.Body, scope.Bind(comprehension.Variable, item)), "filter")).ToList();
            default:
                var results = new List<object?>();
                foreach (var item in items)
                {
                    var inner = scope.Bind(comprehension.Variable, item);
                    if (comprehension.Filter is null || AsBool(Evaluate(comprehension.Filter, inner), "map"))
                    {
                        results.Add(Evaluate(comprehension.Body, inner));
                    }
                }

                return results;
        }
    }

    /// <summary>all() and exists(): the deciding value wins over errors from other elements.</summary>
    private static bool Quantify(CelComprehension comprehension, CelActivation scope, IEnumerable<object?> items, bool stopOn)
    {
        CelEvaluationException? error = null;
        foreach (var item in items)
        {
            try
            {
                if (AsBool(Evaluate(comprehension.Body, scope.Bind(comprehension.Variable, item)), comprehension.Macro) == stopOn)
                {
                    return stopOn;
                }
            }
            catch (CelEvaluationException e)
            {
                error ??= e;
            }
        }

        return error is null ? !stopOn : throw error;
    }
}
