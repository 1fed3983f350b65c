namespace CloudPe.Operator.Api.Validation;

/// <summary>A short name of the resource for kubectl (e.g. <c>kubectl get cpvm</c>).</summary>
/// <param name="name">The short name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ShortNameAttribute(string name) : Attribute
{
    /// <summary>The short name.</summary>
    public string Name { get; } = name;
}
