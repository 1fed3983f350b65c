using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// The string formats Kubernetes checks (a subset of kube-openapi's registry). Unknown formats, and
/// formats on non-strings such as int32/int64, are not checked, as in Kubernetes.
/// </summary>
internal static partial class StringFormats
{
    /// <summary>Returns false when <paramref name="format"/> is known and <paramref name="value"/> does not conform.</summary>
    public static bool IsValid(string format, string value)
    {
        // kube-openapi normalises names by dropping '-' and '_' (date-time == datetime).
        var normalized = format.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return normalized switch
        {
            "datetime" => IsDateTime(value),
            "date" => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "byte" => IsBase64(value),
            "uuid" or "uuid3" or "uuid4" or "uuid5" => UuidPattern().IsMatch(value),
            "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
            "ipv6" => IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
            "cidr" => IPNetwork.TryParse(value, out _),
            "hostname" => value.Length <= 255 && HostnamePattern().IsMatch(value),
            "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
            "mac" => MacPattern().IsMatch(value),
            _ => true,
        };
    }

    private static bool IsDateTime(string value)
    {
        var match = DateTimePattern().Match(value);
        return match.Success
            && DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) < 24
            && int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) < 60
            && (!match.Groups["s"].Success || int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) < 61);
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return value.Length % 4 == 0 && Convert.TryFromBase64String(value, buffer, out _);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt ](?<h>\d{2}):(?<m>\d{2})(:(?<s>\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex MacPattern();
}
