namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Map keys compare with CEL equality, so 1, 1u and 1.0 address the same entry.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<object>
{
    public static readonly CelKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => CelValues.AreEqual(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        long l => ((double)l).GetHashCode(),
        ulong u => ((double)u).GetHashCode(),
        double d => d.GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
