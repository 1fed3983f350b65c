namespace CloudPe.Operator.Api.Validation;

/// <summary>The largest allowed number of items of a list property.</summary>
/// <param name="value">The maximum number of items.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int value) : Attribute
{
    /// <summary>The maximum number of items.</summary>
    public int Value { get; } = value;
}
