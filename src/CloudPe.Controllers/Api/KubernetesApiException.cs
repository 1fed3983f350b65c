using System.Net;

namespace CloudPe.Controllers;

/// <summary>The API server answered a request with an error status.</summary>
public sealed class KubernetesApiException : Exception
{
    /// <summary>Creates an empty API error.</summary>
    public KubernetesApiException()
    {
    }

    /// <summary>Creates an API error with a message.</summary>
    public KubernetesApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an API error with a message and cause.</summary>
    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an API error for an HTTP status and the server's reason.</summary>
    public KubernetesApiException(HttpStatusCode statusCode, string? reason, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>HTTP status of the answer (404 not found, 409 conflict, 410 gone, ...).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>reason</c> of the server's Status object, if it sent one.</summary>
    public string? Reason { get; }
}
