namespace CloudPe.Operator.Api.Validation;

/// <summary>Marks a property the API server requires (listed under the parent's <c>required</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
