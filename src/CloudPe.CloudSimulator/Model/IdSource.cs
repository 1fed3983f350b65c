using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudPe.CloudSimulator.Model;

/// <summary>IDs, MACs, passwords and tokens; deterministic when a seed is given. Callers hold the state lock.</summary>
internal sealed class IdSource(int? seed)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();

    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return FormatUuid(bytes);
    }

    /// <summary>Keystone-style 32 hex digit ID.</summary>
    public string Hex32() => Uuid().Replace("-", "", StringComparison.Ordinal);

    /// <summary>A MAC in Neutron's default fa:16:3e OUI.</summary>
    public string Mac()
    {
        Span<byte> bytes = stackalloc byte[3];
        _random.NextBytes(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"fa:16:3e:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}");
    }

    public string Password(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = PasswordAlphabet[_random.Next(PasswordAlphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A Fernet-looking opaque token.</summary>
    public string Token()
    {
        var bytes = new byte[96];
        _random.NextBytes(bytes);
        return "gAAAAA" + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    /// <summary>Stable ID for seeded inventory, independent of the seed so tests can rely on it.</summary>
    public static string NameBased(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + name));
        return FormatUuid(hash.AsSpan(0, 16));
    }

    private static string FormatUuid(ReadOnlySpan<byte> source)
    {
        Span<byte> b = stackalloc byte[16];
        source.CopyTo(b);
        b[6] = (byte)((b[6] & 0x0f) | 0x40);
        b[8] = (byte)((b[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
