using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Schema.Cel;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>Evaluates the x-kubernetes-validations of one schema node and words failures like the API server.</summary>
internal static class RuleRunner
{
    public static IEnumerable<FieldError> Run(JsonNode value, JsonNode? old, SchemaNode schema, FieldPath path)
    {
        var self = CelValueConverter.FromJson(value, schema);
        var oldSelf = old is null ? null : CelValueConverter.FromJson(old, schema);
        var typeValue = GoValueFormatter.Quote(schema.Type ?? string.Empty);
        var errors = new List<FieldError>();
        foreach (var rule in schema.Rules)
        {
            // Transition rules need an old value to compare with, unless oldSelf is optional.
            if (rule.IsTransition && old is null && !rule.OptionalOldSelf)
            {
                continue;
            }

            object? boundOld = rule.OptionalOldSelf ? (old is null ? CelOptional.None : new CelOptional(true, oldSelf)) : oldSelf;
            var scope = CelActivation.Empty.Bind("self", self).Bind("oldSelf", boundOld);
            var field = path.ToFieldPathString();
            try
            {
                var result = CelEvaluator.Evaluate(rule.Expression, scope);
                if (result is true)
                {
                    continue;
                }

                if (result is not false)
                {
                    errors.Add(KubeFieldErrors.Invalid(field, typeValue, $"rule did not evaluate to a bool: {rule.ErrorString}"));
                    continue;
                }

                errors.Add(Failure(rule, Target(path, rule).ToFieldPathString(), typeValue, MessageFor(rule, scope)));
            }
            catch (CelEvaluationException e) when (e.Message.StartsWith("no such overload", StringComparison.Ordinal))
            {
                errors.Add(KubeFieldErrors.Invalid(field, typeValue,
                    $"'{e.Message}': call arguments did not match a supported operator, function or macro signature for rule: {rule.ErrorString}"));
            }
            catch (CelEvaluationException e)
            {
                errors.Add(KubeFieldErrors.Invalid(field, typeValue, $"{e.Message} evaluating rule: {rule.ErrorString}"));
            }
        }

        return errors;
    }

    private static FieldPath Target(FieldPath path, ValidationRule rule)
    {
        foreach (var (name, isKey) in rule.FieldPath)
        {
            path = isKey ? path.Key(name) : path.Child(name);
        }

        return path;
    }

    /// <summary>messageExpression wins when it yields a usable string; otherwise message, otherwise "failed rule: &lt;rule&gt;".</summary>
    private static string MessageFor(ValidationRule rule, CelActivation scope)
    {
        if (rule.MessageExpression is not null)
        {
            try
            {
                if (CelEvaluator.Evaluate(rule.MessageExpression, scope) is string text
                    && text.Trim().Length > 0 && !text.Contains('\n', StringComparison.Ordinal))
                {
                    return text.Trim();
                }
            }
            catch (CelEvaluationException)
            {
                // A broken messageExpression falls back to the static message, as in Kubernetes.
            }
        }

        return !string.IsNullOrEmpty(rule.Message) ? rule.Message.Trim() : $"failed rule: {rule.Rule.Trim()}";
    }

    private static FieldError Failure(ValidationRule rule, string field, string typeValue, string detail) => rule.Reason switch
    {
        "FieldValueForbidden" => KubeFieldErrors.Forbidden(field, detail),
        "FieldValueRequired" => KubeFieldErrors.Required(field, detail),
        "FieldValueDuplicate" => KubeFieldErrors.Duplicate(field, typeValue),
        _ => KubeFieldErrors.Invalid(field, typeValue, detail),
    };
}
