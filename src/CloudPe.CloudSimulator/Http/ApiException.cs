namespace CloudPe.CloudSimulator.Http;

/// <summary>An error answer, rendered in the envelope of the service that raised it.</summary>
internal sealed class ApiException(int status, string message, string? neutronType = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? NeutronType { get; } = neutronType;

    public static ApiException BadRequest(string message) => new(400, message, "HTTPBadRequest");
    public static ApiException NotFound(string message, string? neutronType = null) => new(404, message, neutronType ?? "HTTPNotFound");
    public static ApiException Conflict(string message, string? neutronType = null) => new(409, message, neutronType ?? "HTTPConflict");
}
