using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Http;

/// <summary>The error bodies each OpenStack service really sends.</summary>
internal static class ErrorEnvelopes
{
    public static IResult For(string service, int status, string message, string? neutronType = null, params (string Name, string Value)[] headers)
    {
        switch (service)
        {
            case Services.Identity:
                return Keystone(status, message, headers);
            case Services.Network:
                return new JsonReply(status, new JsonObject
                {
                    ["NeutronError"] = new JsonObject
                    {
                        ["type"] = neutronType ?? NeutronDefaultType(status),
                        ["message"] = message,
                        ["detail"] = "",
                    },
                }, headers);
            case Services.Image:
                return new TextReply(status, $"{status} {Reason(status)}\n\n{message}\n\n   ", headers);
            case Services.Compute or Services.Volume:
                return new JsonReply(status, new JsonObject
                {
                    [FaultName(status)] = new JsonObject { ["code"] = status, ["message"] = message },
                }, headers);
            default:
                return new TextReply(status, $"{status} {Reason(status)}", headers);
        }
    }

    public static IResult From(string service, ApiException error) => For(service, error.Status, error.Message, error.NeutronType);

    /// <summary>What keystonemiddleware answers in front of every service when the token is not valid.</summary>
    public static IResult Unauthorized(string authUrl) => Keystone(401, "The request you have made requires authentication.",
        ("WWW-Authenticate", $"Keystone uri=\"{authUrl}\""));

    public static IResult Keystone(int status, string message, params (string Name, string Value)[] headers) =>
        new JsonReply(status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["title"] = Reason(status), ["message"] = message },
        }, headers);

    /// <summary>Nova and Cinder name their envelope after the status.</summary>
    public static string FaultName(int status) => status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 or 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };

    private static string NeutronDefaultType(int status) => status switch
    {
        400 => "HTTPBadRequest",
        401 => "HTTPUnauthorized",
        403 => "HTTPForbidden",
        404 => "HTTPNotFound",
        409 => "HTTPConflict",
        429 => "HTTPTooManyRequests",
        503 => "HTTPServiceUnavailable",
        _ => "HTTPInternalServerError",
    };

    public static string Reason(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => ((HttpStatusCode)status).ToString(),
    };
}
