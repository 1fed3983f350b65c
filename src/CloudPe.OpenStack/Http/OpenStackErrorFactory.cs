using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CloudPe.OpenStack.Http;

/// <summary>Turns an error response or a transport failure into the typed exception hierarchy, with a redacted message.</summary>
internal static class OpenStackErrorFactory
{
    public static OpenStackException FromResponse(OpenStackRequest request, HttpResponseMessage response, string? body, DateTimeOffset now, ReadOnlySpan<string?> secrets)
    {
        var envelope = ErrorEnvelopeParser.Parse(body);
        var status = (int)response.StatusCode;
        var serverMessage = envelope.Message is null ? null : Redactor.Redact(envelope.Message, secrets);
        var context = new OpenStackErrorContext(
            OpenStackServiceNames.Of(request.Service),
            request.Method.Method,
            request.PathWithoutQuery,
            status,
            RequestIdOf(response),
            envelope.Kind,
            serverMessage);
        var message = Describe(context, response.ReasonPhrase);
        return status switch
        {
            401 => new OpenStackAuthenticationException(context, message),
            403 => new OpenStackForbiddenException(context, message),
            404 => new OpenStackNotFoundException(context, message),
            409 => new OpenStackConflictException(context, message),
            429 => new OpenStackRateLimitedException(context, message, RetryAfterParser.From(response, now)),
            413 when envelope.Kind == "overLimit" => new OpenStackRateLimitedException(context, message, RetryAfterParser.From(response, now)),
            >= 500 => new OpenStackServerException(context, message),
            >= 400 => new OpenStackBadRequestException(context, message),
            _ => new OpenStackException(context, message),
        };
    }

    public static OpenStackException FromTransport(OpenStackRequest request, Exception exception)
    {
        var context = new OpenStackErrorContext(OpenStackServiceNames.Of(request.Service), request.Method.Method, request.PathWithoutQuery);
        var where = $"{context.Service} {context.Method} {context.Path}";
        var timedOut = exception is Polly.Timeout.TimeoutRejectedException;
        if (!request.Idempotent && (timedOut || MayHaveBeenSent(exception)))
        {
            return new OpenStackOutcomeUnknownException(
                context,
                $"{where}: the request was sent but {(timedOut ? "no response arrived in time" : "the response was lost")}; it may or may not have taken effect. Look the resource up before trying again.",
                exception);
        }

        if (timedOut)
        {
            return new OpenStackTimeoutException(context, $"{where}: no response within the request timeout.", exception);
        }

        var reason = ReasonOf(exception);
        var what = reason switch
        {
            UnreachableReason.NameResolution => "the host name did not resolve (DNS)",
            UnreachableReason.ConnectionRefused => "the connection was refused or could not be made",
            UnreachableReason.Tls => "the TLS handshake failed (certificate not trusted, wrong host name or protocol)",
            UnreachableReason.ConnectionLost => "the connection broke before a complete response arrived",
            _ => "the request could not be completed",
        };
        return new OpenStackUnreachableException(context, reason, $"{where}: unreachable: {what}.", exception);
    }

    public static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in (ReadOnlySpan<string>)["x-openstack-request-id", "x-compute-request-id", "x-request-id"])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static string Describe(OpenStackErrorContext context, string? reason)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{context.Service} {context.Method} {context.Path} failed with {context.StatusCode}");
        if (context.ErrorCode is not null)
        {
            text += $" {context.ErrorCode}";
        }
        else if (!string.IsNullOrEmpty(reason))
        {
            text += $" {reason}";
        }

        if (context.ServerMessage is not null)
        {
            text += $": {context.ServerMessage}";
        }

        if (context.RequestId is not null)
        {
            text += $" (request {context.RequestId})";
        }

        return text;
    }

    /// <summary>False only when the failure happened before any byte of the request could have reached the cloud.</summary>
    private static bool MayHaveBeenSent(Exception exception) => ReasonOf(exception) is not (UnreachableReason.NameResolution or UnreachableReason.ConnectionRefused or UnreachableReason.Tls);

    private static UnreachableReason ReasonOf(Exception exception)
    {
        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return UnreachableReason.NameResolution;
                case HttpRequestError.ConnectionError:
                    return UnreachableReason.ConnectionRefused;
                case HttpRequestError.SecureConnectionError:
                    return UnreachableReason.Tls;
                case HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse:
                    return UnreachableReason.ConnectionLost;
                default:
                    break;
            }
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return UnreachableReason.NameResolution;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return UnreachableReason.ConnectionRefused;
                case AuthenticationException:
                    return UnreachableReason.Tls;
                case IOException or SocketException:
                    return UnreachableReason.ConnectionLost;
                default:
                    break;
            }
        }

        return UnreachableReason.Other;
    }
}
