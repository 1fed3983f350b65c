namespace CloudPe.KubeEmulator.Storage;

/// <summary>Namespace (empty for cluster scope) and name of a stored object; ordered ordinally for paging.</summary>
internal readonly record struct ObjectKey(string Namespace, string Name) : IComparable<ObjectKey>
{
    public int CompareTo(ObjectKey other)
    {
        var c = string.CompareOrdinal(Namespace, other.Namespace);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }
}
