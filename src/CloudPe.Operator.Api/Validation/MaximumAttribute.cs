namespace CloudPe.Operator.Api.Validation;

/// <summary>The largest allowed value of an integer property (inclusive).</summary>
/// <param name="value">The inclusive maximum.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    /// <summary>The inclusive maximum.</summary>
    public long Value { get; } = value;
}
