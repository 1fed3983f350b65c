namespace CloudPe.Operator.Api.Validation;

/// <summary>The value the API server fills in when the property is absent (enums are written by name).</summary>
/// <param name="value">A string, number, boolean or enum value.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute(object value) : Attribute
{
    /// <summary>The default value.</summary>
    public object Value { get; } = value;
}
