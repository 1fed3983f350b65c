namespace CloudPe.CloudSimulator.Http;

/// <summary>A JSON answer that is already serialised.</summary>
internal sealed class JsonBytesReply(int status, byte[] body, params (string Name, string Value)[] headers) : IResult
{
    public int Status { get; } = status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
