using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Http;

/// <summary>
/// Runs around every OpenStack route: counts it, applies latency and fault rules, validates the
/// token and negotiates the microversion before the handler runs.
/// </summary>
internal sealed class SimulatorPipeline(CloudState state, RequestCounters counters, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var info = context.GetEndpoint()?.Metadata.GetMetadata<RouteInfo>();
        if (info is null)
        {
            await next(context);
            return;
        }

        if (info.Service == Services.Compute)
        {
            context.Response.Headers["x-compute-request-id"] = context.Response.Headers["x-openstack-request-id"];
        }

        var key = info.Key;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            key += await ReadBodyAsync(context, info);
        }

        counters.Increment(key);
        TimeSpan requestLatency;
        lock (state.Sync)
        {
            requestLatency = state.Latencies.Request;
        }

        // Wall-clock on purpose: a fake clock would never release the answer.
        if (requestLatency > TimeSpan.Zero)
        {
            await Task.Delay(requestLatency, context.RequestAborted);
        }

        var fault = faults.Match(key);
        if (fault is { LatencyMs: > 0 })
        {
            await Task.Delay(fault.LatencyMs, context.RequestAborted);
        }

        if (fault is { Status: { } status, DropResponse: false })
        {
            await FaultResult(info.Service, status, fault).ExecuteAsync(context);
            return;
        }

        var rejection = Admit(context, info);
        if (rejection is not null)
        {
            await rejection.ExecuteAsync(context);
            return;
        }

        if (fault is { DropResponse: true })
        {
            // The side effect happens, the answer is lost: the client must find out by reading back.
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Abort();
            return;
        }

        await next(context);
    }

    private static async Task<string> ReadBodyAsync(HttpContext context, RouteInfo info)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return "";
        }

        try
        {
            var node = JsonNode.Parse(buffer.ToArray());
            context.Items[ApiRequest.BodyItem] = node;
            if (info.Service == Services.Compute && info.Template.EndsWith("/action", StringComparison.Ordinal) && node is JsonObject { Count: > 0 } action)
            {
                return ":" + action.First().Key;
            }
        }
        catch (JsonException)
        {
            context.Items[ApiRequest.BodyInvalidItem] = true;
        }

        return "";
    }

    private IResult? Admit(HttpContext context, RouteInfo info)
    {
        if (info.RequiresAuth)
        {
            var token = context.Request.Headers["X-Auth-Token"].ToString();
            lock (state.Sync)
            {
                if (token.Length == 0 || !state.Tokens.TryGetValue(token, out var record) || state.Now >= record.ExpiresAt)
                {
                    return ErrorEnvelopes.Unauthorized(state.PublicRoot + "/v3");
                }
            }
        }

        try
        {
            switch (info.Service)
            {
                case Services.Compute:
                    var compute = Microversions.NegotiateCompute(context.Request);
                    context.Items[ApiRequest.VersionItem] = compute;
                    context.Response.Headers["OpenStack-API-Version"] = $"compute {compute}";
                    context.Response.Headers["X-OpenStack-Nova-API-Version"] = compute.ToString();
                    context.Response.Headers.Vary = "OpenStack-API-Version, X-OpenStack-Nova-API-Version";
                    break;
                case Services.Volume:
                    var volume = Microversions.NegotiateVolume(context.Request);
                    context.Items[ApiRequest.VersionItem] = volume;
                    context.Response.Headers["OpenStack-API-Version"] = $"volume {volume}";
                    context.Response.Headers.Vary = "OpenStack-API-Version";
                    break;
            }
        }
        catch (ApiException e)
        {
            return ErrorEnvelopes.From(info.Service, e);
        }

        if (context.Items.ContainsKey(ApiRequest.BodyInvalidItem))
        {
            return ErrorEnvelopes.For(info.Service, 400, "Malformed request body", "HTTPBadRequest");
        }

        return null;
    }

    private static IResult FaultResult(string service, int status, FaultRule fault)
    {
        var headers = new List<(string, string)>();
        if (status == 429 || fault.RetryAfterSeconds is not null)
        {
            headers.Add(("Retry-After", (fault.RetryAfterSeconds ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (fault.Body is { } body)
        {
            var isJson = body.TrimStart().StartsWith('{');
            return isJson
                ? new JsonReply(status, JsonNode.Parse(body), [.. headers])
                : new TextReply(status, body, [.. headers]);
        }

        var message = status == 429 ? "This request was rate-limited." : $"Injected fault: {ErrorEnvelopes.Reason(status)}.";
        return ErrorEnvelopes.For(service, status, message, null, [.. headers]);
    }
}
