namespace CloudPe.OpenStack;

/// <summary>
/// A non-idempotent request (e.g. POST /servers) was sent but its response was lost or timed out: the change may or may
/// not have happened. Look the resource up (by name, tag or metadata stamp) before trying again.
/// </summary>
public sealed class OpenStackOutcomeUnknownException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackOutcomeUnknownException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
