namespace CloudPe.Operator.Api.Validation;

/// <summary>
/// A default for a property of the referenced object type that applies only where this property uses it,
/// so one reference type can carry different defaults (e.g. the key of a Secret reference).
/// </summary>
/// <param name="propertyName">The JSON name of the nested property.</param>
/// <param name="value">The default value.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class NestedDefaultAttribute(string propertyName, object value) : Attribute
{
    /// <summary>The JSON name of the nested property.</summary>
    public string PropertyName { get; } = propertyName;

    /// <summary>The default value.</summary>
    public object Value { get; } = value;
}
