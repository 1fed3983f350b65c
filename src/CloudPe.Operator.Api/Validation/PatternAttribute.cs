namespace CloudPe.Operator.Api.Validation;

/// <summary>A regular expression (RE2 syntax, as the API server evaluates it) a string property must match.</summary>
/// <param name="value">The regular expression.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string value) : Attribute
{
    /// <summary>The regular expression.</summary>
    public string Value { get; } = value;
}
