namespace CloudPe.Operator.Api.Validation;

/// <summary>
/// A CEL validation rule (<c>x-kubernetes-validations</c>) on a property or on an object type.
/// Rules that use <c>oldSelf</c> are transition rules: the API server checks them on update only.
/// </summary>
/// <param name="rule">The CEL expression; <c>self</c> is the annotated value.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule) : Attribute
{
    /// <summary>The CEL expression.</summary>
    public string Rule { get; } = rule;

    /// <summary>The message the API server returns when the rule fails.</summary>
    public string? Message { get; init; }
}
