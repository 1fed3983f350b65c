namespace CloudPe.Operator.Api.Validation;

/// <summary>The shortest allowed length of a string property.</summary>
/// <param name="value">The minimum number of characters.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinLengthAttribute(int value) : Attribute
{
    /// <summary>The minimum number of characters.</summary>
    public int Value { get; } = value;
}
