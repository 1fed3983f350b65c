namespace CloudPe.OpenStack;

/// <summary>401 Unauthorized: the credentials or the token were rejected.</summary>
public sealed class OpenStackAuthenticationException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackAuthenticationException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(context, message, innerException)
    {
    }
}
