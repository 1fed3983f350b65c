namespace CloudPe.OpenStack;

/// <summary>An idempotent request got no response within the request timeout (after retries).</summary>
public sealed class OpenStackTimeoutException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackTimeoutException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
