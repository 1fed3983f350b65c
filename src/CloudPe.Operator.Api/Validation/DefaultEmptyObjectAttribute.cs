namespace CloudPe.Operator.Api.Validation;

/// <summary>
/// Defaults an object property to <c>{}</c> so the API server also applies the defaults of its nested
/// properties when the user leaves the whole object out.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultEmptyObjectAttribute : Attribute;
