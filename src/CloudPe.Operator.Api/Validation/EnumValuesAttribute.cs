namespace CloudPe.Operator.Api.Validation;

/// <summary>The allowed values of a string property that is not a C# enum.</summary>
/// <param name="values">The allowed values.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumValuesAttribute(params string[] values) : Attribute
{
    /// <summary>The allowed values.</summary>
    public IReadOnlyList<string> Values { get; } = values;
}
