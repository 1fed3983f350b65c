using CloudPe.KubeEmulator.Schema.Cel;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>One compiled x-kubernetes-validations entry.</summary>
internal sealed class ValidationRule
{
    public required string Rule { get; init; }

    public required CelExpr Expression { get; init; }

    public string? Message { get; init; }

    public CelExpr? MessageExpression { get; init; }

    /// <summary>FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired or FieldValueDuplicate.</summary>
    public string? Reason { get; init; }

    /// <summary>Parsed fieldPath: each step is a property name (IsKey false) or a map key (IsKey true).</summary>
    public IReadOnlyList<(string Name, bool IsKey)> FieldPath { get; init; } = [];

    /// <summary>The rule refers to oldSelf, so it runs only on update (and, unless optional, only when the old value exists).</summary>
    public bool IsTransition { get; init; }

    public bool OptionalOldSelf { get; init; }

    /// <summary>The rule text used in default messages: the trimmed message if set, otherwise the trimmed rule.</summary>
    public string ErrorString => !string.IsNullOrEmpty(Message) ? Message.Trim() : Rule.Trim();
}
