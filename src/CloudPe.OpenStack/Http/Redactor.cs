using System.Text.RegularExpressions;

namespace CloudPe.OpenStack;

/// <summary>
/// Removes secrets before text reaches a log, an event, a status or an exception message: values of the keys
/// secret, adminPass, password, X-Auth-Token and X-Subject-Token, and any known secret value.
/// </summary>
public static partial class Redactor
{
    /// <summary>What a removed value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly string[] SensitiveNames = ["secret", "adminPass", "password", "X-Auth-Token", "X-Subject-Token", "token", "user_data"];

    /// <summary>True for header or JSON keys whose values must never be logged.</summary>
    public static bool IsSensitiveKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var sensitive in SensitiveNames)
        {
            if (name.Equals(sensitive, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Masks sensitive key/value pairs in JSON, header-like or query-like text, then every known secret value.</summary>
    public static string Redact(string? text, params ReadOnlySpan<string?> knownSecrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = JsonPair().Replace(text, m => IsSensitiveKey(m.Groups["key"].Value) ? $"{m.Groups["prefix"].Value}\"{Mask}\"" : m.Value);
        result = TextPair().Replace(result, m => IsSensitiveKey(m.Groups["key"].Value) ? $"{m.Groups["prefix"].Value}{Mask}" : m.Value);
        foreach (var secret in knownSecrets)
        {
            // Short values would mask innocent text; real secrets and tokens are long.
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    // "key": "value" (also numbers and booleans), as in request and response bodies; objects are entered, not swallowed.
    [GeneratedRegex("""(?<prefix>"(?<key>[A-Za-z0-9_:\-]+)"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+\-]*|true|false)""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPair();

    // key: value / key=value, as in headers, query strings and plain-text messages.
    [GeneratedRegex("""(?<prefix>\b(?<key>[A-Za-z][A-Za-z0-9_\-]*)\s*[:=]\s*)(?!\*\*\*)[^\s,;&"']+""", RegexOptions.CultureInvariant)]
    private static partial Regex TextPair();
}
