namespace CloudPe.Controllers;

/// <summary>
/// One shared instance per distinct string value, for values many cached objects repeat (namespaces, kinds,
/// condition reasons, label keys, flavor names). Bounded: a pool that sees more than its limit of distinct values
/// holds values that do not repeat (UIDs, names), so it lets go of them and stops pooling. Thread-safe.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer strings are returned as they are: long values rarely repeat.</summary>
    public const int MaxPooledLength = 256;

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _maxValues;
    private bool _saturated;

    /// <summary>Creates a pool that gives up after <paramref name="maxValues"/> distinct values (a property of a fleet repeats far fewer).</summary>
    public StringPool(int maxValues = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxValues);
        _maxValues = maxValues;
    }

    /// <summary>Whether the pool saw too many distinct values and no longer pools.</summary>
    public bool IsSaturated
    {
        get
        {
            lock (_gate)
            {
                return _saturated;
            }
        }
    }

    /// <summary>The pooled instance equal to <paramref name="value"/> (the value itself when first seen or not pooled).</summary>
    public string? Get(string? value)
    {
        if (value is null || value.Length > MaxPooledLength)
        {
            return value;
        }

        if (value.Length == 0)
        {
            return string.Empty;
        }

        lock (_gate)
        {
            if (_saturated)
            {
                return value;
            }

            if (_values.TryGetValue(value, out var pooled))
            {
                return pooled;
            }

            if (_values.Count >= _maxValues)
            {
                _saturated = true;
                _values.Clear();
                _values.TrimExcess();
                return value;
            }

            _values.Add(value);
            return value;
        }
    }
}
