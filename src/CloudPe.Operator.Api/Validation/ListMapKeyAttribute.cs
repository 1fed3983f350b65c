namespace CloudPe.Operator.Api.Validation;

/// <summary>
/// Makes a list an associative list (<c>x-kubernetes-list-type: map</c>) keyed by the given property,
/// so server-side apply merges entries by key.
/// </summary>
/// <param name="key">The JSON name of the key property; it must be required in the item type.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeyAttribute(string key) : Attribute
{
    /// <summary>The JSON name of the key property.</summary>
    public string Key { get; } = key;
}
