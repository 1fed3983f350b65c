namespace CloudPe.Controllers;

/// <summary>
/// A failure that retrying cannot fix (for example an invalid spec): the key is not retried until the
/// object, or something that maps to it, changes. Its message must not contain secrets.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    /// <summary>Creates an empty terminal error.</summary>
    public TerminalReconcileException()
    {
    }

    /// <summary>Creates a terminal error with a message.</summary>
    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a terminal error with a message and the underlying cause.</summary>
    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
