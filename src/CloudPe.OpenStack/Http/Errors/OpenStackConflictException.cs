namespace CloudPe.OpenStack;

/// <summary>409 Conflict, e.g. an action in the wrong server state.</summary>
public sealed class OpenStackConflictException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackConflictException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
