namespace CloudPe.OpenStack;

/// <summary>Where an OpenStack error happened and what the cloud said about it.</summary>
/// <param name="Service">Catalog type of the service.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path relative to the service endpoint.</param>
/// <param name="StatusCode">HTTP status when a response arrived.</param>
/// <param name="RequestId">Request ID header of the response.</param>
/// <param name="ErrorCode">Envelope kind or type.</param>
/// <param name="ServerMessage">Redacted message from the body.</param>
public sealed record OpenStackErrorContext(
    string Service,
    string Method,
    string Path,
    int? StatusCode = null,
    string? RequestId = null,
    string? ErrorCode = null,
    string? ServerMessage = null);
