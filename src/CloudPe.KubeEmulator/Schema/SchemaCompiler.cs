using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Schema.Cel;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// Turns an openAPIV3Schema into <see cref="SchemaNode"/>s, checking the structural-schema rules and
/// compiling every CEL rule. Every problem is collected, each prefixed with its data path
/// (array items and map values show as [*]).
/// </summary>
internal sealed class SchemaCompiler
{
    private static readonly HashSet<string> Types = ["object", "array", "string", "integer", "number", "boolean"];

    private static readonly HashSet<string> Ignored =
    [
        "description", "title", "example", "externalDocs", "x-kubernetes-map-type", "$schema", "id",
    ];

    private static readonly HashSet<string> Forbidden =
    [
        "$ref", "patternProperties", "dependencies", "definitions", "additionalItems",
    ];

    private static readonly HashSet<string> Reasons = ["FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"];

    private readonly List<string> _problems = [];

    public static SchemaNode Compile(JsonNode? schema)
    {
        var compiler = new SchemaCompiler();
        if (schema is not JsonObject obj)
        {
            throw new CrdSchemaException("openAPIV3Schema must be an object");
        }

        var root = compiler.CompileNode(obj, string.Empty, isRoot: true, correlatable: true, valueValidationOnly: false);
        if (compiler._problems.Count > 0)
        {
            throw new CrdSchemaException(compiler._problems);
        }

        return root;
    }

    private static string Where(string path) => path.Length == 0 ? "<root>" : path;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private void Problem(string path, string message) => _problems.Add($"{Where(path)}: {message}");

    private SchemaNode CompileNode(JsonObject obj, string path, bool isRoot, bool correlatable, bool valueValidationOnly)
    {
        var node = new SchemaNode { IsResourceRoot = isRoot };
        foreach (var (key, value) in obj)
        {
            if (Forbidden.Contains(key))
            {
                Problem(path, $"{key}: Forbidden: {key} is not supported in structural schemas");
            }
            else if (!Ignored.Contains(key))
            {
                ReadKeyword(node, key, value, path, correlatable, valueValidationOnly);
            }
        }

        CheckStructure(node, obj, path, valueValidationOnly);
        if (obj["x-kubernetes-validations"] is { } rules)
        {
            CompileRules(node, rules, path, correlatable);
        }

        if (node.Default is not null)
        {
            CheckDefault(node, path);
        }

        return node;
    }

    private void ReadKeyword(SchemaNode node, string key, JsonNode? value, string path, bool correlatable, bool valueValidationOnly)
    {
        switch (key)
        {
            case "type":
                node.Type = ReadString(value, path, key);
                if (node.Type is not null && !Types.Contains(node.Type))
                {
                    Problem(path, $"type: Unsupported value: {GoValueFormatter.Quote(node.Type)}: supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
                }

                break;
            case "nullable":
                node.Nullable = ReadBool(value, path, key);
                break;
            case "properties":
                if (value is not JsonObject properties)
                {
                    Problem(path, "properties: must be an object");
                    break;
                }

                foreach (var (name, propertySchema) in properties)
                {
                    if (propertySchema is JsonObject propertyObj)
                    {
                        node.Properties[name] = CompileNode(propertyObj, Join(path, name), false, correlatable, valueValidationOnly);
                    }
                    else
                    {
                        Problem(Join(path, name), "schema must be an object");
                    }
                }

                break;
            case "additionalProperties":
                if (value is JsonObject additional)
                {
                    node.AdditionalProperties = CompileNode(additional, $"{path}[*]", false, correlatable, valueValidationOnly);
                }
                else if (value is JsonValue v && v.GetValueKind() == JsonValueKind.True)
                {
                    node.AdditionalPropertiesAny = true;
                }
                else
                {
                    Problem(path, "additionalProperties: Forbidden: must be a schema or true");
                }

                break;
            case "items":
                if (value is JsonObject items)
                {
                    var listType = (value.Parent as JsonObject)?["x-kubernetes-list-type"]?.GetValueKind() == JsonValueKind.String
                        ? value.Parent!["x-kubernetes-list-type"]!.GetValue<string>()
                        : null;
                    node.Items = CompileNode(items, $"{path}[*]", false, correlatable && listType == "map", valueValidationOnly);
                }
                else
                {
                    Problem(path, "items: must be a single schema (tuple items are not supported)");
                }

                break;
            case "required":
                foreach (var name in ReadStrings(value, path, key))
                {
                    node.Required.Add(name);
                }

                break;
            case "enum":
                node.Enum = value is JsonArray values ? values.Select(v => v?.DeepClone()).ToList() : null;
                if (node.Enum is null)
                {
                    Problem(path, "enum: must be an array");
                }

                break;
            case "minimum":
                node.Minimum = ReadNumber(value, path, key);
                break;
            case "maximum":
                node.Maximum = ReadNumber(value, path, key);
                break;
            case "exclusiveMinimum":
                node.ExclusiveMinimum = ReadBool(value, path, key);
                break;
            case "exclusiveMaximum":
                node.ExclusiveMaximum = ReadBool(value, path, key);
                break;
            case "multipleOf":
                node.MultipleOf = ReadNumber(value, path, key);
                if (node.MultipleOf <= 0)
                {
                    Problem(path, "multipleOf: Invalid value: must be greater than zero");
                }

                break;
            case "minLength":
                node.MinLength = ReadCount(value, path, key);
                break;
            case "maxLength":
                node.MaxLength = ReadCount(value, path, key);
                break;
            case "minItems":
                node.MinItems = ReadCount(value, path, key);
                break;
            case "maxItems":
                node.MaxItems = ReadCount(value, path, key);
                break;
            case "minProperties":
                node.MinProperties = ReadCount(value, path, key);
                break;
            case "maxProperties":
                node.MaxProperties = ReadCount(value, path, key);
                break;
            case "uniqueItems":
                if (ReadBool(value, path, key))
                {
                    Problem(path, "uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
                }

                break;
            case "pattern":
                node.PatternSource = ReadString(value, path, key);
                if (node.PatternSource is not null)
                {
                    try
                    {
                        node.Pattern = Re2Regex.Create(node.PatternSource);
                    }
                    catch (ArgumentException e)
                    {
                        Problem(path, $"pattern: Invalid value: {GoValueFormatter.Quote(node.PatternSource)}: {e.Message}");
                    }
                }

                break;
            case "format":
                node.Format = ReadString(value, path, key);
                break;
            case "default":
                node.Default = value?.DeepClone();
                if (valueValidationOnly)
                {
                    Problem(path, "default: Forbidden: must not be set inside allOf, anyOf, oneOf or not");
                }
                else if (value is null)
                {
                    node.Default = null;
                }

                break;
            case "x-kubernetes-int-or-string":
                node.IntOrString = ReadBool(value, path, key);
                break;
            case "x-kubernetes-preserve-unknown-fields":
                node.PreserveUnknownFields = ReadBool(value, path, key);
                break;
            case "x-kubernetes-embedded-resource":
                node.EmbeddedResource = ReadBool(value, path, key);
                break;
            case "x-kubernetes-list-type":
                node.ListType = ReadString(value, path, key);
                if (node.ListType is not (null or "atomic" or "set" or "map"))
                {
                    Problem(path, $"x-kubernetes-list-type: Unsupported value: {GoValueFormatter.Quote(node.ListType)}: supported values: \"atomic\", \"set\", \"map\"");
                }

                break;
            case "x-kubernetes-list-map-keys":
                node.ListMapKeys.AddRange(ReadStrings(value, path, key));
                break;
            case "x-kubernetes-validations":
                break;
            case "allOf" or "anyOf" or "oneOf":
                var target = key switch { "allOf" => node.AllOf, "anyOf" => node.AnyOf, _ => node.OneOf };
                if (value is not JsonArray alternatives)
                {
                    Problem(path, $"{key}: must be an array of schemas");
                    break;
                }

                foreach (var alternative in alternatives)
                {
                    if (alternative is JsonObject alternativeObj)
                    {
                        target.Add(CompileNode(alternativeObj, path, false, false, valueValidationOnly: true));
                    }
                    else
                    {
                        Problem(path, $"{key}: every entry must be a schema");
                    }
                }

                break;
            case "not":
                if (value is JsonObject notObj)
                {
                    node.Not = CompileNode(notObj, path, false, false, valueValidationOnly: true);
                }
                else
                {
                    Problem(path, "not: must be a schema");
                }

                break;
            default:
                // Unknown keywords are dropped, as the API server's non-strict decoding does.
                break;
        }
    }

    private void CheckStructure(SchemaNode node, JsonObject obj, string path, bool valueValidationOnly)
    {
        if (valueValidationOnly)
        {
            return;
        }

        if (node.Type is null && !node.IntOrString && !node.PreserveUnknownFields && !node.IsResourceRoot)
        {
            Problem(path, "type: Required value: must not be empty for specified object fields");
        }

        if (node.IsResourceRoot && node.Type is not (null or "object"))
        {
            Problem(path, "type: Invalid value: the root schema must be of type object");
        }

        if (node.IntOrString && node.Type is not null)
        {
            Problem(path, "type: Forbidden: must be empty when x-kubernetes-int-or-string is true");
        }

        if (node.Properties.Count > 0 && (node.AdditionalProperties is not null || node.AdditionalPropertiesAny))
        {
            Problem(path, "additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive");
        }

        if (node.Type == "array" && node.Items is null)
        {
            Problem(path, "items: Required value: must be specified");
        }

        if (node.Type is not (null or "object") && (node.Properties.Count > 0 || node.AdditionalProperties is not null))
        {
            Problem(path, $"properties: Forbidden: only allowed for type object, not {node.Type}");
        }

        if (node.EmbeddedResource && node.Type != "object")
        {
            Problem(path, "type: Invalid value: must be object if x-kubernetes-embedded-resource is true");
        }

        if (node.ListType is not null && node.Type != "array")
        {
            Problem(path, "x-kubernetes-list-type: Forbidden: only allowed for type array");
        }

        if (node.ListType == "map")
        {
            if (node.ListMapKeys.Count == 0)
            {
                Problem(path, "x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map");
            }
            else if (node.Items?.Type != "object")
            {
                Problem(path, "items: Invalid value: must be of type object if x-kubernetes-list-type is map");
            }
            else
            {
                foreach (var key in node.ListMapKeys.Where(k => !node.Items.Properties.ContainsKey(k)))
                {
                    Problem(path, $"x-kubernetes-list-map-keys: Invalid value: {GoValueFormatter.Quote(key)}: entries must all be names of item properties");
                }
            }
        }
        else if (node.ListMapKeys.Count > 0)
        {
            Problem(path, "x-kubernetes-list-map-keys: Forbidden: only allowed if x-kubernetes-list-type is map");
        }

        if (obj.ContainsKey("default") && obj["default"] is null && !node.Nullable)
        {
            Problem(path, "default: Invalid value: null: must not be null unless nullable is true");
        }
    }

    private void CheckDefault(SchemaNode node, string path)
    {
        var probe = new JsonObject { ["v"] = node.Default!.DeepClone() };
        var holder = new SchemaNode { Type = "object" };
        holder.Properties["v"] = node;
        SchemaPruner.PruneValue(probe, holder);
        if (!JsonNode.DeepEquals(probe["v"], node.Default))
        {
            Problem(path, "default: Invalid value: must not have unknown fields");
            return;
        }

        SchemaDefaulter.DefaultValue(probe, holder);
        var errors = new SchemaValidator().ValidateValue(probe["v"], null, node, FieldPath.Root.Child("default"));
        foreach (var error in errors)
        {
            Problem(path, $"{error.Field}: {error.Message}");
        }
    }

    private void CompileRules(SchemaNode node, JsonNode rules, string path, bool correlatable)
    {
        if (rules is not JsonArray list)
        {
            Problem(path, "x-kubernetes-validations: must be an array");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var where = $"x-kubernetes-validations[{i}]";
            if (list[i] is not JsonObject entry || entry["rule"] is not JsonValue ruleValue || ruleValue.GetValueKind() != JsonValueKind.String)
            {
                Problem(path, $"{where}.rule: Required value");
                continue;
            }

            var rule = ruleValue.GetValue<string>();
            var compiled = CompileRule(node, entry, rule, path, where, correlatable);
            if (compiled is not null)
            {
                node.Rules.Add(compiled);
            }
        }
    }

    private ValidationRule? CompileRule(SchemaNode node, JsonObject entry, string rule, string path, string where, bool correlatable)
    {
        var optionalOldSelf = entry["optionalOldSelf"] is JsonValue o && o.GetValueKind() == JsonValueKind.True;
        var selfType = CelType.FromSchema(node);
        var variables = new Dictionary<string, CelType>(StringComparer.Ordinal)
        {
            ["self"] = selfType,
            ["oldSelf"] = optionalOldSelf ? CelType.OptionalOf(selfType) : selfType,
        };

        CelExpr expression;
        bool isTransition;
        try
        {
            expression = CelParser.Parse(rule);
            var checker = CelChecker.Check(expression, variables, out var resultType);
            if (resultType.Kind is not (CelTypeKind.Bool or CelTypeKind.Dyn))
            {
                throw new CelSyntaxException($"cel expression must evaluate to a bool, found '{resultType}'");
            }

            isTransition = checker.UsesOldSelf;
        }
        catch (CelSyntaxException e)
        {
            Problem(path, $"{where}: {(e.Unsupported ? "unsupported" : "invalid")} CEL expression '{rule}': {e.Message}");
            return null;
        }

        if (isTransition && !correlatable)
        {
            Problem(path, $"{where}: invalid CEL expression '{rule}': oldSelf cannot be used on the uncorrelatable portion of the schema (inside a list that is not x-kubernetes-list-type: map)");
            return null;
        }

        var messageExpression = CompileMessageExpression(entry, variables, path, where);
        var reason = entry["reason"]?.GetValueKind() == JsonValueKind.String ? entry["reason"]!.GetValue<string>() : null;
        if (reason is not null && !Reasons.Contains(reason))
        {
            Problem(path, $"{where}.reason: Unsupported value: {GoValueFormatter.Quote(reason)}: supported values: \"FieldValueInvalid\", \"FieldValueForbidden\", \"FieldValueRequired\", \"FieldValueDuplicate\"");
        }

        var fieldPath = entry["fieldPath"]?.GetValueKind() == JsonValueKind.String
            ? ParseFieldPath(node, entry["fieldPath"]!.GetValue<string>(), path, where)
            : [];
        var message = entry["message"]?.GetValueKind() == JsonValueKind.String ? entry["message"]!.GetValue<string>() : null;
        if (message is not null && (message.Trim().Length == 0 || message.Contains('\n', StringComparison.Ordinal)))
        {
            Problem(path, $"{where}.message: Invalid value: {GoValueFormatter.Quote(message)}: message must be non-empty and must not contain line breaks");
        }

        return new ValidationRule
        {
            Rule = rule,
            Expression = expression,
            Message = message,
            MessageExpression = messageExpression,
            Reason = reason,
            FieldPath = fieldPath,
            IsTransition = isTransition,
            OptionalOldSelf = optionalOldSelf,
        };
    }

    private CelExpr? CompileMessageExpression(JsonObject entry, Dictionary<string, CelType> variables, string path, string where)
    {
        if (entry["messageExpression"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        try
        {
            var expression = CelParser.Parse(text);
            CelChecker.Check(expression, variables, out var resultType);
            if (resultType.Kind is not (CelTypeKind.String or CelTypeKind.Dyn))
            {
                throw new CelSyntaxException($"messageExpression must evaluate to a string, found '{resultType}'");
            }

            return expression;
        }
        catch (CelSyntaxException e)
        {
            Problem(path, $"{where}.messageExpression: {(e.Unsupported ? "unsupported" : "invalid")} CEL expression '{text}': {e.Message}");
            return null;
        }
    }

    /// <summary>fieldPath is a relative JSON path such as .spec.volume or .labels['app.kubernetes.io/name'].</summary>
    private List<(string Name, bool IsKey)> ParseFieldPath(SchemaNode node, string fieldPath, string path, string where)
    {
        var steps = new List<(string Name, bool IsKey)>();
        var current = node;
        var i = 0;
        while (i < fieldPath.Length)
        {
            string name;
            if (fieldPath[i] == '.')
            {
                var start = ++i;
                while (i < fieldPath.Length && fieldPath[i] is not ('.' or '['))
                {
                    i++;
                }

                name = fieldPath[start..i];
            }
            else if (fieldPath[i] == '[' && i + 1 < fieldPath.Length && fieldPath[i + 1] == '\'')
            {
                var end = fieldPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                name = fieldPath[(i + 2)..end];
                i = end + 2;
            }
            else
            {
                Problem(path, $"{where}.fieldPath: Invalid value: {GoValueFormatter.Quote(fieldPath)}: must be a relative path like .a.b or .a['b'] (no list indices)");
                return [];
            }

            if (name.Length == 0 || current is null)
            {
                Problem(path, $"{where}.fieldPath: Invalid value: {GoValueFormatter.Quote(fieldPath)}: does not refer to a field of the schema");
                return [];
            }

            if (current.Properties.TryGetValue(name, out var property))
            {
                steps.Add((name, false));
                current = property;
            }
            else if (current.AdditionalProperties is not null)
            {
                steps.Add((name, true));
                current = current.AdditionalProperties;
            }
            else
            {
                Problem(path, $"{where}.fieldPath: Invalid value: {GoValueFormatter.Quote(fieldPath)}: does not refer to a field of the schema");
                return [];
            }
        }

        return steps;
    }

    private string? ReadString(JsonNode? value, string path, string key)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        Problem(path, $"{key}: must be a string");
        return null;
    }

    private bool ReadBool(JsonNode? value, string path, string key)
    {
        var kind = value?.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        Problem(path, $"{key}: must be a boolean");
        return false;
    }

    private double? ReadNumber(JsonNode? value, string path, string key)
    {
        if (JsonNumber.TryRead(value, out var number))
        {
            return number.AsDouble;
        }

        Problem(path, $"{key}: must be a number");
        return null;
    }

    private long? ReadCount(JsonNode? value, string path, string key)
    {
        if (JsonNumber.TryRead(value, out var number) && number.IsIntegral && number.AsInt64 >= 0)
        {
            return number.AsInt64;
        }

        Problem(path, $"{key}: must be a non-negative integer, not {value?.ToJsonString() ?? "null"}");
        return null;
    }

    private List<string> ReadStrings(JsonNode? value, string path, string key)
    {
        if (value is JsonArray array && array.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(v => v!.GetValue<string>()).ToList();
        }

        Problem(path, $"{key}: must be an array of strings");
        return [];
    }
}
