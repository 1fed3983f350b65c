namespace CloudPe.Operator.Crds;

/// <summary>
/// Orders the keywords of an OpenAPI schema node the way a reader scans them: what it is, its
/// constraints, its children, then the Kubernetes extensions.
/// </summary>
internal sealed class SchemaKeyOrder : IComparer<string>
{
    public static readonly SchemaKeyOrder Instance = new();

    private static readonly string[] Keywords =
    [
        "description", "type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength",
        "pattern", "maxItems", "items", "properties", "required", "x-kubernetes-list-type",
        "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    ];

    public int Compare(string? x, string? y)
    {
        var byRank = Rank(x).CompareTo(Rank(y));
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static int Rank(string? key)
    {
        var index = Array.IndexOf(Keywords, key);
        return index >= 0 ? index : Keywords.Length;
    }
}
