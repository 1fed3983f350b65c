using System.Globalization;

namespace CloudPe.OpenStack;

/// <summary>An OpenStack API microversion such as 2.67.</summary>
public readonly record struct Microversion(int Major, int Minor) : IComparable<Microversion>
{
    /// <summary>Parses "2.67" (a leading "v" is accepted).</summary>
    public static Microversion Parse(string text)
    {
        if (!TryParse(text, out var version))
        {
            throw new FormatException($"'{text}' is not a microversion (major.minor).");
        }

        return version;
    }

    /// <summary>Parses "2.67" (a leading "v" is accepted).</summary>
    public static bool TryParse(string? text, out Microversion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim().TrimStart('v');
        var dot = span.IndexOf('.');
        if (dot <= 0
            || !int.TryParse(span[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(span[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Microversion(major, minor);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(Microversion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Orders microversions.</summary>
    public static bool operator <(Microversion left, Microversion right) => left.CompareTo(right) < 0;

    /// <summary>Orders microversions.</summary>
    public static bool operator >(Microversion left, Microversion right) => left.CompareTo(right) > 0;

    /// <summary>Orders microversions.</summary>
    public static bool operator <=(Microversion left, Microversion right) => left.CompareTo(right) <= 0;

    /// <summary>Orders microversions.</summary>
    public static bool operator >=(Microversion left, Microversion right) => left.CompareTo(right) >= 0;

    /// <summary>The smaller of two microversions.</summary>
    public static Microversion Min(Microversion a, Microversion b) => a <= b ? a : b;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
