using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Auth;
using Microsoft.AspNetCore.Http;

namespace CloudPe.KubeEmulator.Api;

/// <summary>
/// HTTP twin of <see cref="EmulatorAdmin"/> under <c>/_emu/</c> (admin token only):
/// <c>GET|DELETE /_emu/counters</c>, <c>POST /_emu/faults</c> <c>{"resource","subresource","count","statusCode"}</c>,
/// <c>POST /_emu/close-watches</c>, <c>POST /_emu/compact</c>.
/// </summary>
internal static class AdminEndpoints
{
    public static async Task HandleAsync(HttpContext http, EmulatorState state, Identity? identity)
    {
        if (identity is null)
        {
            throw Statuses.Unauthorized();
        }

        if (!identity.IsAdmin)
        {
            throw new ApiException(Statuses.Failure(403, "Forbidden", $"User \"{identity.UserName}\" cannot {http.Request.Method.ToLowerInvariant()} path \"{http.Request.Path}\""));
        }

        var admin = state.Admin;
        switch (http.Request.Method, http.Request.Path.Value)
        {
            case ("GET", "/_emu/counters"):
                var requests = new JsonObject();
                foreach (var (k, v) in admin.RequestsByVerbAndResource.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    requests[k] = v;
                }

                await ApiRouter.WriteAsync(http, 200, new JsonObject { ["writes"] = admin.Writes, ["requests"] = requests });
                return;
            case ("DELETE", "/_emu/counters"):
                admin.ResetCounters();
                break;
            case ("POST", "/_emu/faults"):
                var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                    ?? throw Statuses.BadRequest("expected {\"resource\",\"subresource\",\"count\",\"statusCode\"}");
                admin.FailNextWrites((string?)body["resource"] ?? throw Statuses.BadRequest("resource is required"),
                    (string?)body["subresource"], body["count"]?.GetValue<int>() ?? 1, body["statusCode"]?.GetValue<int>() ?? 409);
                break;
            case ("POST", "/_emu/close-watches"):
                admin.CloseAllWatches();
                break;
            case ("POST", "/_emu/compact"):
                admin.CompactHistory();
                break;
            default:
                throw Statuses.NoSuchPath();
        }

        await ApiRouter.WriteAsync(http, 200, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success" });
    }
}
