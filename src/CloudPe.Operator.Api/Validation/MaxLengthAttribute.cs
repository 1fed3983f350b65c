namespace CloudPe.Operator.Api.Validation;

/// <summary>The longest allowed length of a string property (also bounds CEL cost estimates).</summary>
/// <param name="value">The maximum number of characters.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(int value) : Attribute
{
    /// <summary>The maximum number of characters.</summary>
    public int Value { get; } = value;
}
