namespace CloudPe.OpenStack;

/// <summary>The cloud could not be reached; <see cref="Reason"/> says whether DNS, the connection or TLS failed.</summary>
public sealed class OpenStackUnreachableException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackUnreachableException(OpenStackErrorContext context, UnreachableReason reason, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
        Reason = reason;
    }

    /// <summary>What failed.</summary>
    public UnreachableReason Reason { get; }
}
