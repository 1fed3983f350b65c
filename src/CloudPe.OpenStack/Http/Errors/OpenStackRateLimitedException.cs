namespace CloudPe.OpenStack;

/// <summary>429 Too Many Requests (or overLimit); <see cref="RetryAfter"/> says when to come back, if the cloud said.</summary>
public sealed class OpenStackRateLimitedException : OpenStackException
{
    /// <summary>Creates the error.</summary>
    public OpenStackRateLimitedException(OpenStackErrorContext context, string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(context, message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The Retry-After the cloud sent, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
