namespace CloudPe.OpenStack;

/// <summary>400 Bad Request (or another 4xx the caller must fix).</summary>
public sealed class OpenStackBadRequestException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackBadRequestException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
