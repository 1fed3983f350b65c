using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Status bodies and errors worded like the Kubernetes API server.</summary>
internal static class Statuses
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var s = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            s["details"] = details;
        }

        s["code"] = code;
        return s;
    }

    public static JsonObject Success(string name, ResourceType type, string? uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["uid"] = uid },
    };

    public static JsonObject Details(ResourceType type, string name) =>
        new() { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural };

    public static ApiException NotFound(ResourceType type, string name) =>
        new(Failure(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", Details(type, name)));

    public static ApiException NoSuchPath() =>
        new(Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject()));

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(Failure(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", Details(type, name)));

    public static ApiException Conflict(ResourceType type, string name) =>
        new(Failure(409, "Conflict",
            $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(type, name)));

    public static ApiException BadRequest(string message) => new(Failure(400, "BadRequest", message));

    public static ApiException MethodNotAllowed() =>
        new(Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));

    public static ApiException UnsupportedMediaType(string accepted) =>
        new(Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {accepted}"));

    public static ApiException Unauthorized() => new(Failure(401, "Unauthorized", "Unauthorized"));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<SchemaFieldError> errors)
    {
        var causes = new JsonArray();
        var parts = new List<string>();
        foreach (var e in errors)
        {
            causes.Add(new JsonObject { ["reason"] = e.Type, ["message"] = e.Message, ["field"] = e.Field });
            parts.Add($"{e.Field}: {e.Message}");
        }

        var joined = parts.Count == 1 ? parts[0] : "[" + string.Join(", ", parts) + "]";
        return new(Failure(422, "Invalid", $"{type.GroupKind} \"{name}\" is invalid: {joined}",
            new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Kind, ["causes"] = causes }));
    }

    public static ApiException Invalid(ResourceType type, string name, string field, string reason, string message) =>
        Invalid(type, name, [new SchemaFieldError(field, reason, message)]);

    /// <summary>An injected fault or generic error code with the reason Kubernetes uses for it.</summary>
    public static JsonObject ForCode(int code, string message) => Failure(code, code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        410 => "Expired",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    }, message);
}
