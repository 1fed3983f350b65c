namespace CloudPe.OpenStack;

/// <summary>5xx from the cloud (after retries, for idempotent calls).</summary>
public sealed class OpenStackServerException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackServerException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
