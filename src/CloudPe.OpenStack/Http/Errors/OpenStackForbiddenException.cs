namespace CloudPe.OpenStack;

/// <summary>403 Forbidden: policy or quota.</summary>
public sealed class OpenStackForbiddenException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackForbiddenException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
