using System.Globalization;
using System.Text;

namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Splits a CEL expression into tokens (CEL spec lexis, without bytes literals).</summary>
internal static class CelLexer
{
    private static readonly string[] Punctuations =
    [
        "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%",
        "?", ":", ".", ",", "[", "]", "(", ")", "{", "}",
    ];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (IsQuote(c) || ((c is 'r' or 'R') && i + 1 < text.Length && IsQuote(text[i + 1])))
            {
                tokens.Add(ReadString(text, ref i));
                continue;
            }

            if ((c is 'b' or 'B') && i + 1 < text.Length && IsQuote(text[i + 1]))
            {
                throw new CelSyntaxException($"bytes literals are not supported (column {i + 1})", unsupported: true);
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CelToken(CelTokenKind.Identifier, text[start..i], null, start));
                continue;
            }

            var punctuation = Punctuations.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0);
            if (punctuation is null)
            {
                throw new CelSyntaxException($"Syntax error: token recognition error at column {i + 1}: '{c}'");
            }

            tokens.Add(new CelToken(CelTokenKind.Punctuation, punctuation, null, i));
            i += punctuation.Length;
        }

        tokens.Add(new CelToken(CelTokenKind.End, "<EOF>", null, text.Length));
        return tokens;
    }

    private static bool IsQuote(char c) => c is '"' or '\'';

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            var digitsStart = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            var hex = text[digitsStart..i];
            if (i < text.Length && text[i] is 'u' or 'U')
            {
                i++;
                return ParseUnsigned(hex, NumberStyles.AllowHexSpecifier, text, start, i);
            }

            return ParseSigned(hex, NumberStyles.AllowHexSpecifier, text, start, i);
        }

        var isDouble = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var save = i;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                isDouble = true;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        var literal = text[start..i];
        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, literal, double.Parse(literal, CultureInfo.InvariantCulture), start);
        }

        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return ParseUnsigned(literal, NumberStyles.None, text, start, i);
        }

        return ParseSigned(literal, NumberStyles.None, text, start, i);
    }

    private static CelToken ParseSigned(string digits, NumberStyles style, string text, int start, int end)
    {
        // Kept as ulong so that unary minus can still form long.MinValue.
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var value) || value > (ulong)long.MaxValue + 1)
        {
            throw new CelSyntaxException($"Syntax error: invalid int literal at column {start + 1}");
        }

        return new CelToken(CelTokenKind.Int, text[start..end], value, start);
    }

    private static CelToken ParseUnsigned(string digits, NumberStyles style, string text, int start, int end)
    {
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var value))
        {
            throw new CelSyntaxException($"Syntax error: invalid uint literal at column {start + 1}");
        }

        return new CelToken(CelTokenKind.Uint, text[start..end], value, start);
    }

    private static CelToken ReadString(string text, ref int i)
    {
        var start = i;
        var raw = false;
        if (text[i] is 'r' or 'R')
        {
            raw = true;
            i++;
        }

        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new CelSyntaxException($"Syntax error: unterminated string starting at column {start + 1}");
            }

            var c = text[i];
            if (triple ? string.CompareOrdinal(text, i, new string(quote, 3), 0, 3) == 0 : c == quote)
            {
                i += triple ? 3 : 1;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                throw new CelSyntaxException($"Syntax error: unterminated string starting at column {start + 1}");
            }

            if (c == '\\' && !raw)
            {
                i++;
                ReadEscape(text, ref i, sb, start);
                continue;
            }

            sb.Append(c);
            i++;
        }

        return new CelToken(CelTokenKind.String, text[start..i], sb.ToString(), start);
    }

    private static void ReadEscape(string text, ref int i, StringBuilder sb, int start)
    {
        if (i >= text.Length)
        {
            throw new CelSyntaxException($"Syntax error: unterminated string starting at column {start + 1}");
        }

        var c = text[i++];
        switch (c)
        {
            case 'n': sb.Append('\n'); return;
            case 't': sb.Append('\t'); return;
            case 'r': sb.Append('\r'); return;
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'v': sb.Append('\v'); return;
            case '\\' or '\'' or '"' or '`' or '?': sb.Append(c); return;
            case 'x' or 'X': sb.Append(ReadCodePoint(text, ref i, 2, 16, start)); return;
            case 'u': sb.Append(ReadCodePoint(text, ref i, 4, 16, start)); return;
            case 'U': sb.Append(ReadCodePoint(text, ref i, 8, 16, start)); return;
            case >= '0' and <= '3':
                i--;
                sb.Append(ReadCodePoint(text, ref i, 3, 8, start));
                return;
            default:
                throw new CelSyntaxException($"Syntax error: invalid escape sequence '\\{c}' in string starting at column {start + 1}");
        }
    }

    private static string ReadCodePoint(string text, ref int i, int digits, int radix, int start)
    {
        if (i + digits > text.Length)
        {
            throw new CelSyntaxException($"Syntax error: invalid escape sequence in string starting at column {start + 1}");
        }

        try
        {
            var value = Convert.ToInt32(text.Substring(i, digits), radix);
            i += digits;
            return char.ConvertFromUtf32(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new CelSyntaxException($"Syntax error: invalid escape sequence in string starting at column {start + 1}");
        }
    }
}
