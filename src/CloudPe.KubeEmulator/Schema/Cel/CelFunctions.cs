namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>The functions and macros this evaluator implements; everything else is rejected when a schema is compiled.</summary>
internal static class CelFunctions
{
    /// <summary>Global functions and their argument counts.</summary>
    public static readonly IReadOnlyDictionary<string, int> Global = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["size"] = 1,
        ["int"] = 1,
        ["uint"] = 1,
        ["double"] = 1,
        ["string"] = 1,
        ["bool"] = 1,
        ["dyn"] = 1,
    };

    /// <summary>Receiver-style functions and their argument counts (not counting the receiver).</summary>
    public static readonly IReadOnlyDictionary<string, int> Methods = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["size"] = 0,
        ["startsWith"] = 1,
        ["endsWith"] = 1,
        ["contains"] = 1,
        ["matches"] = 1,
        ["lowerAscii"] = 0,
        ["upperAscii"] = 0,
        ["hasValue"] = 0,
        ["value"] = 0,
        ["orValue"] = 1,
    };

    /// <summary>Kubernetes escapes property names that are not CEL identifiers; this maps the escaped form back.</summary>
    public static string UnescapeFieldName(string name)
    {
        if (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)
            && CelReservedProperty(name[2..^2]))
        {
            return name[2..^2];
        }

        return name.Replace("__underscores__", "__", StringComparison.Ordinal)
            .Replace("__dot__", ".", StringComparison.Ordinal)
            .Replace("__dash__", "-", StringComparison.Ordinal)
            .Replace("__slash__", "/", StringComparison.Ordinal);
    }

    private static bool CelReservedProperty(string name) => name is
        "true" or "false" or "null" or "in" or "as" or "break" or "const" or "continue" or "else" or "for"
        or "function" or "if" or "import" or "let" or "loop" or "package" or "namespace" or "return" or "var"
        or "void" or "while";
}
