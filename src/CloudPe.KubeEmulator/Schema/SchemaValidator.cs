using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// Validates a (pruned and defaulted) value against the schema keywords, then runs the CEL rules.
/// Keyword errors come first and CEL errors after, as the API server reports them.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly List<FieldError> _errors = [];
    private readonly List<FieldError> _ruleErrors = [];
    private readonly bool _runRules;

    public SchemaValidator(bool runRules = true)
    {
        _runRules = runRules;
    }

    /// <summary>Validates <paramref name="value"/>; <paramref name="old"/> is the previous value for transition rules (null on create).</summary>
    public List<FieldError> ValidateValue(JsonNode? value, JsonNode? old, SchemaNode schema, FieldPath path)
    {
        Validate(value, old, schema, path);
        return [.. _errors, .. _ruleErrors];
    }

    private static string TypeOf(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => JsonNumber.TryRead(value, out var n) && n.IsIntegerLiteral ? "integer" : "number",
            _ => "null",
        },
    };

    private static bool TypeMatches(SchemaNode schema, JsonNode value, string actual)
    {
        var integral = actual == "integer" || (actual == "number" && JsonNumber.TryRead(value, out var n) && n.IsIntegral);
        if (schema.IntOrString)
        {
            return actual == "string" || integral;
        }

        return schema.Type switch
        {
            null => true,
            "number" => actual is "number" or "integer",
            "integer" => integral,
            _ => schema.Type == actual,
        };
    }

    private void Validate(JsonNode? value, JsonNode? old, SchemaNode schema, FieldPath path)
    {
        var name = path.ToOpenApiString();
        if (value is null)
        {
            if (!schema.Nullable && (schema.Type is not null || schema.IntOrString))
            {
                _errors.Add(KubeFieldErrors.TypeInvalid(name, "\"null\"", $"{name} in body must be of type {schema.TypeName}: \"null\""));
            }

            return;
        }

        var actual = TypeOf(value);
        if (!TypeMatches(schema, value, actual))
        {
            _errors.Add(KubeFieldErrors.TypeInvalid(name, GoValueFormatter.Quote(actual), $"{name} in body must be of type {schema.TypeName}: {GoValueFormatter.Quote(actual)}"));
            return;
        }

        ValidateComposition(value, schema, name);
        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, name);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, name);
                break;
            default:
                ValidateScalar((JsonValue)value, actual, schema, name);
                break;
        }

        if (schema.Enum is not null && !schema.Enum.Any(allowed => SameJson(allowed, value)))
        {
            var supported = schema.Enum.Select(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : v?.ToJsonString() ?? "null");
            _errors.Add(KubeFieldErrors.NotSupported(name, GoValueFormatter.Format(value), supported));
        }

        if (_runRules && schema.Rules.Count > 0)
        {
            _ruleErrors.AddRange(RuleRunner.Run(value, old, schema, path));
        }

        ValidateChildren(value, old, schema, path);
    }

    private static bool SameJson(JsonNode? a, JsonNode? b)
    {
        if (JsonNumber.TryRead(a, out var x) && JsonNumber.TryRead(b, out var y))
        {
            return x.AsDouble == y.AsDouble;
        }

        return JsonNode.DeepEquals(a, b);
    }

    private void ValidateScalar(JsonValue value, string actual, SchemaNode schema, string name)
    {
        if (actual == "string")
        {
            ValidateString(value.GetValue<string>(), schema, name);
        }
        else if (JsonNumber.TryRead(value, out var number))
        {
            ValidateNumber(number, schema, name);
        }
    }

    private void ValidateString(string text, SchemaNode schema, string name)
    {
        var quoted = GoValueFormatter.Quote(text);
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            _errors.Add(KubeFieldErrors.TooLong(name, max));
        }

        if (schema.MinLength is { } min && length < min)
        {
            _errors.Add(KubeFieldErrors.Invalid(name, quoted, $"{name} in body should be at least {min} chars long"));
        }

        if (schema.Pattern is not null)
        {
            bool matches;
            try
            {
                matches = schema.Pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                _errors.Add(KubeFieldErrors.Invalid(name, quoted, $"{name} in body should match '{schema.PatternSource}'"));
            }
        }

        if (schema.Format is not null && !StringFormats.IsValid(schema.Format, text))
        {
            _errors.Add(KubeFieldErrors.TypeInvalid(name, quoted, $"{name} in body must be of type {schema.Format}: {quoted}"));
        }
    }

    private void ValidateNumber(JsonNumber number, SchemaNode schema, string name)
    {
        var value = number.AsDouble;
        var shown = number.ToString();
        if (schema.MultipleOf is { } multipleOf && multipleOf > 0 && Math.Abs(Math.IEEERemainder(value, multipleOf)) > 1e-9 * Math.Max(1, Math.Abs(value)))
        {
            _errors.Add(KubeFieldErrors.Invalid(name, shown, $"{name} in body should be a multiple of {Cel.CelValues.Format(multipleOf)}"));
        }

        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? value >= max : value > max))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            _errors.Add(KubeFieldErrors.Invalid(name, shown, $"{name} in body should be {relation} {Cel.CelValues.Format(max)}"));
        }

        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? value <= min : value < min))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            _errors.Add(KubeFieldErrors.Invalid(name, shown, $"{name} in body should be {relation} {Cel.CelValues.Format(min)}"));
        }
    }

    private void ValidateObject(JsonObject obj, SchemaNode schema, FieldPath path, string name)
    {
        var count = obj.Count;
        if (schema.MaxProperties is { } max && count > max)
        {
            _errors.Add(KubeFieldErrors.TooMany(name, count, max));
        }

        if (schema.MinProperties is { } min && count < min)
        {
            _errors.Add(KubeFieldErrors.Invalid(name, GoValueFormatter.Format(count), $"{name} in body should have at least {min} properties"));
        }

        foreach (var required in schema.Required.Where(r => !obj.ContainsKey(r)))
        {
            _errors.Add(KubeFieldErrors.Required(path.Child(required).ToOpenApiString()));
        }

        if (schema.EmbeddedResource)
        {
            foreach (var field in (string[])["apiVersion", "kind"])
            {
                if (obj[field] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0)
                {
                    _errors.Add(KubeFieldErrors.Required(path.Child(field).ToFieldPathString(), "must not be empty"));
                }
            }
        }
    }

    private void ValidateArray(JsonArray array, SchemaNode schema, FieldPath path, string name)
    {
        if (schema.MaxItems is { } max && array.Count > max)
        {
            _errors.Add(KubeFieldErrors.TooMany(name, array.Count, max));
        }

        if (schema.MinItems is { } min && array.Count < min)
        {
            _errors.Add(KubeFieldErrors.Invalid(name, GoValueFormatter.Format(array.Count), $"{name} in body should have at least {min} items"));
        }

        if (schema.ListType is "set" or "map")
        {
            var seen = new List<JsonNode?>();
            for (var i = 0; i < array.Count; i++)
            {
                var identity = schema.ListType == "set" ? array[i] : ListMapKey(array[i], schema);
                if (seen.Any(s => SameJson(s, identity)))
                {
                    _errors.Add(KubeFieldErrors.Duplicate(path.Index(i).ToFieldPathString(), GoValueFormatter.Format(identity)));
                }
                else
                {
                    seen.Add(identity);
                }
            }
        }
    }

    private void ValidateChildren(JsonNode value, JsonNode? old, SchemaNode schema, FieldPath path)
    {
        switch (value)
        {
            case JsonObject obj:
                var oldObj = old as JsonObject;
                foreach (var (key, child) in obj)
                {
                    if ((schema.IsResourceRoot || schema.EmbeddedResource) && key == "metadata")
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Validate(child, oldObj?[key], property, path.Child(key));
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Validate(child, oldObj?[key], additional, path.Key(key));
                    }
                }

                break;
            case JsonArray array when schema.Items is not null:
                var oldArray = old as JsonArray;
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], CorrelatedItem(array[i], oldArray, schema), schema.Items, path.Index(i));
                }

                break;
        }
    }

    /// <summary>Only x-kubernetes-list-type: map lists correlate old and new items (by their keys).</summary>
    private static JsonNode? CorrelatedItem(JsonNode? item, JsonArray? old, SchemaNode schema)
    {
        if (old is null || schema.ListType != "map" || item is not JsonObject)
        {
            return null;
        }

        var key = ListMapKey(item, schema);
        return old.FirstOrDefault(candidate => candidate is JsonObject && JsonNode.DeepEquals(ListMapKey(candidate, schema), key));
    }

    private static JsonObject ListMapKey(JsonNode? item, SchemaNode schema)
    {
        var key = new JsonObject();
        foreach (var name in schema.ListMapKeys)
        {
            key[name] = (item as JsonObject)?[name]?.DeepClone();
        }

        return key;
    }

    private void ValidateComposition(JsonNode value, SchemaNode schema, string name)
    {
        foreach (var part in schema.AllOf)
        {
            _errors.AddRange(new SchemaValidator(runRules: false).ValidateValue(value, null, part, PathOf(name)));
        }

        if (schema.AnyOf.Count > 0 && !schema.AnyOf.Any(part => Passes(value, part, name)))
        {
            _errors.Add(KubeFieldErrors.Invalid(name, "\"\"", $"{GoValueFormatter.Quote(name)} must validate at least one schema (anyOf)"));
        }

        if (schema.OneOf.Count > 0 && schema.OneOf.Count(part => Passes(value, part, name)) != 1)
        {
            _errors.Add(KubeFieldErrors.Invalid(name, "\"\"", $"{GoValueFormatter.Quote(name)} must validate one and only one schema (oneOf)"));
        }

        if (schema.Not is not null && Passes(value, schema.Not, name))
        {
            _errors.Add(KubeFieldErrors.Invalid(name, "\"\"", $"{GoValueFormatter.Quote(name)} must not validate the schema (not)"));
        }
    }

    private static bool Passes(JsonNode value, SchemaNode part, string name) =>
        new SchemaValidator(runRules: false).ValidateValue(value, null, part, PathOf(name)).Count == 0;

    private static FieldPath PathOf(string name) => name == "<nil>" ? FieldPath.Root : FieldPath.Root.Child(name);
}
