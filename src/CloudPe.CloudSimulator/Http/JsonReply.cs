using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Http;

/// <summary>A JSON answer with optional extra headers.</summary>
internal sealed class JsonReply(int status, JsonNode? body, params (string Name, string Value)[] headers) : IResult
{
    public int Status { get; } = status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        if (body is null)
        {
            httpContext.Response.ContentLength = 0;
            return;
        }

        httpContext.Response.ContentType = "application/json";
        await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
