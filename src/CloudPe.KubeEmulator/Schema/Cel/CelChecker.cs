namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>
/// Static check of a parsed expression against the schema: resolves identifiers, rejects unsupported
/// functions, unknown fields and clearly mismatched operand types, and infers the result type.
/// </summary>
internal sealed class CelChecker
{
    private readonly Dictionary<string, CelType> _variables;

    private CelChecker(Dictionary<string, CelType> variables)
    {
        _variables = variables;
    }

    /// <summary>True when the expression refers to oldSelf (a transition rule).</summary>
    public bool UsesOldSelf { get; private set; }

    public static CelChecker Check(CelExpr expr, IReadOnlyDictionary<string, CelType> variables, out CelType resultType)
    {
        var checker = new CelChecker(new Dictionary<string, CelType>(variables, StringComparer.Ordinal));
        resultType = checker.TypeOf(expr);
        return checker;
    }

    private static CelSyntaxException Fail(CelExpr at, string message) =>
        new($"{message} (column {at.Position + 1})");

    private static CelSyntaxException NoOverload(CelExpr at, string function, params CelType[] args) =>
        Fail(at, $"found no matching overload for '{function}' applied to '({string.Join(", ", args.Select(a => a.ToString()))})'");

    private static bool Is(CelType type, params CelTypeKind[] kinds) => type.Kind == CelTypeKind.Dyn || kinds.Contains(type.Kind);

    private CelType TypeOf(CelExpr expr) => expr switch
    {
        CelLiteral literal => literal.Value switch
        {
            null => CelType.Null,
            long => CelType.Int,
            ulong => CelType.Uint,
            double => CelType.Double,
            string => CelType.String,
            bool => CelType.Bool,
            _ => CelType.Dyn,
        },
        CelIdent ident => TypeOfIdent(ident),
        CelSelect select => TypeOfSelect(select),
        CelIndex index => TypeOfIndex(index),
        CelCall call => TypeOfCall(call),
        CelUnary unary => TypeOfUnary(unary),
        CelBinary binary => TypeOfBinary(binary),
        CelConditional conditional => TypeOfConditional(conditional),
        CelListLiteral list => TypeOfList(list),
        CelMapLiteral map => TypeOfMap(map),
        CelComprehension comprehension => TypeOfComprehension(comprehension),
        _ => throw Fail(expr, "unsupported expression"),
    };

    private CelType TypeOfIdent(CelIdent ident)
    {
        if (!_variables.TryGetValue(ident.Name, out var type))
        {
            throw Fail(ident, $"undeclared reference to '{ident.Name}'");
        }

        if (ident.Name == "oldSelf")
        {
            UsesOldSelf = true;
        }

        return type;
    }

    private CelType TypeOfSelect(CelSelect select)
    {
        var operand = TypeOf(select.Operand);
        var fieldType = FieldType(select, operand, CelFunctions.UnescapeFieldName(select.Field));
        return select.TestOnly ? CelType.Bool : fieldType;
    }

    private static CelType FieldType(CelExpr at, CelType operand, string field)
    {
        switch (operand.Kind)
        {
            case CelTypeKind.Dyn:
                return CelType.Dyn;
            case CelTypeKind.Map:
                return operand.Element!;
            case CelTypeKind.Object:
                var schema = operand.Schema!;
                if (schema.Properties.TryGetValue(field, out var property))
                {
                    return CelType.FromSchema(property);
                }

                if (schema.IsResourceRoot || schema.EmbeddedResource)
                {
                    switch (field)
                    {
                        case "apiVersion" or "kind":
                            return CelType.String;
                        case "metadata":
                            return CelType.MapOf(CelType.String);
                    }
                }

                if (schema.PreserveUnknownFields)
                {
                    return CelType.Dyn;
                }

                throw Fail(at, $"undefined field '{field}'");
            default:
                throw Fail(at, $"type '{operand}' does not support field selection");
        }
    }

    private CelType TypeOfIndex(CelIndex index)
    {
        var operand = TypeOf(index.Operand);
        var key = TypeOf(index.Index);
        switch (operand.Kind)
        {
            case CelTypeKind.Dyn:
                return CelType.Dyn;
            case CelTypeKind.List when Is(key, CelTypeKind.Int, CelTypeKind.Uint):
                return operand.Element!;
            case CelTypeKind.Map when Is(key, CelTypeKind.String):
                return operand.Element!;
            case CelTypeKind.Object when Is(key, CelTypeKind.String):
                return index.Index is CelLiteral { Value: string name } ? FieldType(index, operand, name) : CelType.Dyn;
            default:
                throw NoOverload(index, "_[_]", operand, key);
        }
    }

    private CelType TypeOfCall(CelCall call)
    {
        var args = call.Args.Select(TypeOf).ToArray();
        if (call.Target is null)
        {
            if (!CelFunctions.Global.TryGetValue(call.Function, out var arity))
            {
                throw new CelSyntaxException(
                    CelFunctions.Methods.ContainsKey(call.Function)
                        ? $"function '{call.Function}' is only supported in receiver style, e.g. x.{call.Function}(...) (column {call.Position + 1})"
                        : $"function '{call.Function}' is not supported (column {call.Position + 1})",
                    unsupported: true);
            }

            if (args.Length != arity)
            {
                throw NoOverload(call, call.Function, args);
            }

            return GlobalResult(call, args[0]);
        }

        var target = TypeOf(call.Target);
        if (!CelFunctions.Methods.TryGetValue(call.Function, out var methodArity))
        {
            throw new CelSyntaxException($"function '{call.Function}' is not supported (column {call.Position + 1})", unsupported: true);
        }

        if (args.Length != methodArity)
        {
            throw NoOverload(call, call.Function, [target, .. args]);
        }

        return MethodResult(call, target, args);
    }

    private static CelType GlobalResult(CelCall call, CelType arg)
    {
        switch (call.Function)
        {
            case "size" when Is(arg, CelTypeKind.String, CelTypeKind.List, CelTypeKind.Map, CelTypeKind.Object):
                return CelType.Int;
            case "int" when Is(arg, CelTypeKind.Int, CelTypeKind.Uint, CelTypeKind.Double, CelTypeKind.String):
                return CelType.Int;
            case "uint" when Is(arg, CelTypeKind.Int, CelTypeKind.Uint, CelTypeKind.Double, CelTypeKind.String):
                return CelType.Uint;
            case "double" when Is(arg, CelTypeKind.Int, CelTypeKind.Uint, CelTypeKind.Double, CelTypeKind.String):
                return CelType.Double;
            case "string" when Is(arg, CelTypeKind.Int, CelTypeKind.Uint, CelTypeKind.Double, CelTypeKind.String, CelTypeKind.Bool):
                return CelType.String;
            case "bool" when Is(arg, CelTypeKind.Bool, CelTypeKind.String):
                return CelType.Bool;
            case "dyn":
                return CelType.Dyn;
            default:
                throw NoOverload(call, call.Function, arg);
        }
    }

    private static CelType MethodResult(CelCall call, CelType target, CelType[] args)
    {
        switch (call.Function)
        {
            case "size" when Is(target, CelTypeKind.String, CelTypeKind.List, CelTypeKind.Map, CelTypeKind.Object):
                return CelType.Int;
            case "startsWith" or "endsWith" or "contains" or "matches"
                when Is(target, CelTypeKind.String) && Is(args[0], CelTypeKind.String):
                return CelType.Bool;
            case "lowerAscii" or "upperAscii" when Is(target, CelTypeKind.String):
                return CelType.String;
            case "hasValue" when Is(target, CelTypeKind.Optional):
                return CelType.Bool;
            case "value" when Is(target, CelTypeKind.Optional):
                return target.Element ?? CelType.Dyn;
            case "orValue" when Is(target, CelTypeKind.Optional):
                return target.Element ?? CelType.Dyn;
            default:
                throw NoOverload(call, call.Function, [target, .. args]);
        }
    }

    private CelType TypeOfUnary(CelUnary unary)
    {
        var operand = TypeOf(unary.Operand);
        return unary.Operator switch
        {
            "!" when Is(operand, CelTypeKind.Bool) => CelType.Bool,
            "-" when Is(operand, CelTypeKind.Int, CelTypeKind.Double) => operand,
            _ => throw NoOverload(unary, unary.Operator + "_", operand),
        };
    }

    private CelType TypeOfBinary(CelBinary binary)
    {
        var left = TypeOf(binary.Left);
        var right = TypeOf(binary.Right);
        var function = binary.Operator == "in" ? "@in" : $"_{binary.Operator}_";
        var dyn = left.Kind == CelTypeKind.Dyn || right.Kind == CelTypeKind.Dyn;
        switch (binary.Operator)
        {
            case "&&" or "||":
                return Is(left, CelTypeKind.Bool) && Is(right, CelTypeKind.Bool) ? CelType.Bool : throw NoOverload(binary, function, left, right);
            case "==" or "!=":
                return dyn || left.Kind == CelTypeKind.Null || right.Kind == CelTypeKind.Null || SameShape(left, right)
                    ? CelType.Bool
                    : throw NoOverload(binary, function, left, right);
            case "<" or "<=" or ">" or ">=":
                return dyn || (left.IsNumeric && right.IsNumeric)
                       || (left.Kind == right.Kind && left.Kind is CelTypeKind.String or CelTypeKind.Bool)
                    ? CelType.Bool
                    : throw NoOverload(binary, function, left, right);
            case "in":
                return Is(right, CelTypeKind.List, CelTypeKind.Map, CelTypeKind.Object) ? CelType.Bool : throw NoOverload(binary, function, left, right);
            case "+":
                if (dyn)
                {
                    return CelType.Dyn;
                }

                return left.Kind == right.Kind && left.Kind is CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.Double or CelTypeKind.String or CelTypeKind.List
                    ? left
                    : throw NoOverload(binary, function, left, right);
            case "-" or "*" or "/":
                if (dyn)
                {
                    return CelType.Dyn;
                }

                return left.Kind == right.Kind && left.IsNumeric ? left : throw NoOverload(binary, function, left, right);
            case "%":
                if (dyn)
                {
                    return CelType.Dyn;
                }

                return left.Kind == right.Kind && left.Kind is CelTypeKind.Int or CelTypeKind.Uint ? left : throw NoOverload(binary, function, left, right);
            default:
                throw Fail(binary, $"unsupported operator '{binary.Operator}'");
        }
    }

    /// <summary>Equality needs the same type; lists, maps and objects are compared loosely.</summary>
    private static bool SameShape(CelType left, CelType right)
    {
        if (left.Kind is CelTypeKind.List or CelTypeKind.Map or CelTypeKind.Object)
        {
            return right.Kind is CelTypeKind.List or CelTypeKind.Map or CelTypeKind.Object
                && (left.Kind == CelTypeKind.List) == (right.Kind == CelTypeKind.List);
        }

        return left.Kind == right.Kind;
    }

    private CelType TypeOfConditional(CelConditional conditional)
    {
        var condition = TypeOf(conditional.Condition);
        if (!Is(condition, CelTypeKind.Bool))
        {
            throw NoOverload(conditional, "_?_:_", condition);
        }

        var whenTrue = TypeOf(conditional.WhenTrue);
        var whenFalse = TypeOf(conditional.WhenFalse);
        return whenTrue == whenFalse ? whenTrue : CelType.Dyn;
    }

    private CelType TypeOfList(CelListLiteral list)
    {
        var items = list.Items.Select(TypeOf).Distinct().ToList();
        return CelType.ListOf(items.Count == 1 ? items[0] : CelType.Dyn);
    }

    private CelType TypeOfMap(CelMapLiteral map)
    {
        foreach (var entry in map.Entries)
        {
            var key = TypeOf(entry.Key);
            if (!Is(key, CelTypeKind.String, CelTypeKind.Int, CelTypeKind.Uint, CelTypeKind.Bool))
            {
                throw Fail(entry.Key, $"unsupported map key type '{key}'");
            }
        }

        var values = map.Entries.Select(e => TypeOf(e.Value)).Distinct().ToList();
        return CelType.MapOf(values.Count == 1 ? values[0] : CelType.Dyn);
    }

    private CelType TypeOfComprehension(CelComprehension comprehension)
    {
        var range = TypeOf(comprehension.Range);
        var variableType = range.Kind switch
        {
            CelTypeKind.List => range.Element!,
            CelTypeKind.Map or CelTypeKind.Object => CelType.String,
            CelTypeKind.Dyn => CelType.Dyn,
            _ => throw Fail(comprehension, $"expression of type '{range}' cannot be the range of a comprehension (must be list, map, or dynamic)"),
        };

        var shadowed = _variables.TryGetValue(comprehension.Variable, out var previous);
        _variables[comprehension.Variable] = variableType;
        try
        {
            if (comprehension.Filter is not null && !Is(TypeOf(comprehension.Filter), CelTypeKind.Bool))
            {
                throw Fail(comprehension.Filter, $"{comprehension.Macro}() filter must be a bool");
            }

            var body = TypeOf(comprehension.Body);
            if (comprehension.Macro != "map" && !Is(body, CelTypeKind.Bool))
            {
                throw Fail(comprehension.Body, $"{comprehension.Macro}() predicate must be a bool, found '{body}'");
            }

            return comprehension.Macro switch
            {
                "map" => CelType.ListOf(body),
                "filter" => range.Kind == CelTypeKind.List ? range : CelType.ListOf(variableType),
                _ => CelType.Bool,
            };
        }
        finally
        {
            if (shadowed)
            {
                _variables[comprehension.Variable] = previous!;
            }
            else
            {
                _variables.Remove(comprehension.Variable);
            }
        }
    }
}
