namespace CloudPe.Operator.Api.Validation;

/// <summary>The smallest allowed value of an integer property (inclusive).</summary>
/// <param name="value">The inclusive minimum.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    /// <summary>The inclusive minimum.</summary>
    public long Value { get; } = value;
}
