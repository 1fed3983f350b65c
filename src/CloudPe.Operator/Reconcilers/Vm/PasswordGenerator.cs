using System.Security.Cryptography;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Random VM passwords that meet common complexity rules: 20 characters with at least one upper-case letter,
/// lower-case letter, digit and symbol, drawn from a cryptographic generator. Look-alike characters are left out.
/// </summary>
internal static class PasswordGenerator
{
    public const int Length = 20;
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    // Symbols that survive shells, YAML and Windows password rules without quoting.
    private const string Symbols = "!#%+-.=@^_~";
    private const string All = Upper + Lower + Digits + Symbols;

    public static string Generate()
    {
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++)
        {
            chars[i] = Pick(All);
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>Whether <paramref name="password"/> meets the rules the generator guarantees.</summary>
    public static bool IsComplex(string password) =>
        password.Length >= 16
        && password.Any(char.IsAsciiLetterUpper)
        && password.Any(char.IsAsciiLetterLower)
        && password.Any(char.IsAsciiDigit)
        && password.Any(c => !char.IsAsciiLetterOrDigit(c));

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
