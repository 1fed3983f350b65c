namespace CloudPe.OpenStack;

/// <summary>A failed OpenStack call: which service, method and path, the HTTP status, the request ID and the (redacted) message.</summary>
public class OpenStackException : Exception
{
    /// <summary>Creates an error for one call.</summary>
    public OpenStackException(OpenStackErrorContext context, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(context);
        Service = context.Service;
        Method = context.Method;
        Path = context.Path;
        StatusCode = context.StatusCode;
        RequestId = context.RequestId;
        ErrorCode = context.ErrorCode;
        ServerMessage = context.ServerMessage;
    }

    /// <summary>Catalog type of the service: identity, compute, network, volumev3 or image.</summary>
    public string Service { get; }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>Path relative to the service endpoint, e.g. /servers/abc/action.</summary>
    public string Path { get; }

    /// <summary>HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>x-openstack-request-id / x-compute-request-id of the response, when there was one.</summary>
    public string? RequestId { get; }

    /// <summary>The envelope kind, e.g. itemNotFound, conflictingRequest, or the NeutronError type.</summary>
    public string? ErrorCode { get; }

    /// <summary>The message the cloud gave, redacted.</summary>
    public string? ServerMessage { get; }
}
