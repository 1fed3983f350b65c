using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>
/// Builds .NET regular expressions from the RE2 syntax Kubernetes uses for `pattern` and `matches()`,
/// always with a match timeout so a hostile pattern cannot stall the API server.
/// </summary>
internal static class Re2Regex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="ArgumentException"/> when the pattern is not a valid expression.</summary>
    public static Regex Create(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        // RE2 names groups (?P<name>...); .NET spells it (?<name>...).
        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        var regex = new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(pattern, regex);
        }

        return regex;
    }
}
