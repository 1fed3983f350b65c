using System.Globalization;

namespace CloudPe.CloudSimulator.Api;

/// <summary>The timestamp formats each service really uses.</summary>
internal static class Timestamps
{
    /// <summary>Nova, Glance and Neutron: seconds, <c>Z</c>.</summary>
    public static string Seconds(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Keystone: microseconds, <c>Z</c>.</summary>
    public static string Keystone(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Cinder: microseconds, no zone.</summary>
    public static string Cinder(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
}
