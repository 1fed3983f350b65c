namespace CloudPe.KubeEmulator.Schema.Cel;

internal enum CelTokenKind
{
    Int,
    Uint,
    Double,
    String,
    Identifier,
    Punctuation,
    End,
}

/// <summary>One lexical token of a CEL expression; <see cref="Position"/> is 0-based.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Position);
