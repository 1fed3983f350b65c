namespace CloudPe.Operator.Api.Validation;

/// <summary>A category the resource belongs to (e.g. <c>kubectl get cloudpe</c>).</summary>
/// <param name="name">The category name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ResourceCategoryAttribute(string name) : Attribute
{
    /// <summary>The category name.</summary>
    public string Name { get; } = name;
}
