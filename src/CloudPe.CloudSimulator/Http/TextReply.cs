namespace CloudPe.CloudSimulator.Http;

/// <summary>A plain-text answer (Glance errors, unknown routes).</summary>
internal sealed class TextReply(int status, string text, params (string Name, string Value)[] headers) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        httpContext.Response.ContentType = "text/plain; charset=UTF-8";
        await httpContext.Response.WriteAsync(text, httpContext.RequestAborted);
    }
}
