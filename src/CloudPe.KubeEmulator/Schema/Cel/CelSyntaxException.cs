namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>An expression is malformed, outside the supported subset, or fails the static check.</summary>
internal sealed class CelSyntaxException : Exception
{
    public CelSyntaxException(string message, bool unsupported = false)
        : base(message)
    {
        Unsupported = unsupported;
    }

    public CelSyntaxException()
    {
    }

    public CelSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the expression is valid CEL but uses something this evaluator does not implement.</summary>
    public bool Unsupported { get; }
}
