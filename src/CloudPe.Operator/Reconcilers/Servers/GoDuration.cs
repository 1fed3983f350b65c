using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Parses Kubernetes-style durations such as 30s, 10m, 1h30m or 1.5h (the units ms, s, m and h).</summary>
internal static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return false;
        }

        double milliseconds = 0;
        foreach (Match part in Part().Matches(text))
        {
            if (!double.TryParse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            milliseconds += part.Groups[2].Value switch
            {
                "ms" => value,
                "s" => value * 1_000,
                "m" => value * 60_000,
                _ => value * 3_600_000,
            };
        }

        if (double.IsInfinity(milliseconds) || milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    [GeneratedRegex(@"^(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ms|h|m|s))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]*\.?[0-9]*)(ms|h|m|s)")]
    private static partial Regex Part();
}
