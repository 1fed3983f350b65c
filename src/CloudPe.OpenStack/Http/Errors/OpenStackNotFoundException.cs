namespace CloudPe.OpenStack;

/// <summary>404 Not Found.</summary>
public sealed class OpenStackNotFoundException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackNotFoundException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
