namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>A CEL map value; Kubernetes objects are maps keyed by property name.</summary>
internal sealed class CelMap
{
    public CelMap(Dictionary<object, object?> entries)
    {
        Entries = entries;
    }

    public Dictionary<object, object?> Entries { get; }

    public static Dictionary<object, object?> NewEntries() => new(CelKeyComparer.Instance);
}
