using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;

namespace CloudPe.CloudSimulator.Api;

/// <summary>The HTTP admin API under <c>/_sim/</c> (root, no auth, not counted).</summary>
internal static class AdminApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, SimulatorAdmin admin)
    {
        app.MapGet("/_sim/counters", () =>
        {
            var counters = admin.Counters;
            var routes = new JsonObject();
            foreach (var (key, value) in counters.ByRoute)
            {
                routes[key] = value;
            }

            return new JsonReply(200, new JsonObject { ["total"] = counters.Total, ["routes"] = routes });
        });
        app.MapDelete("/_sim/counters", () =>
        {
            admin.ResetCounters();
            return new JsonReply(204, null);
        });
        app.MapPost("/_sim/faults", async (HttpContext context) =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, Json, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return (IResult)new TextReply(400, "Invalid fault rule: " + e.Message);
            }

            if (rule is null)
            {
                return new TextReply(400, "A fault rule body is required.");
            }

            try
            {
                return new JsonReply(200, new JsonObject { ["id"] = admin.AddFault(rule) });
            }
            catch (ArgumentException e)
            {
                return new TextReply(400, e.Message);
            }
        });
        app.MapGet("/_sim/faults", () => new JsonReply(200, new JsonObject
        {
            ["faults"] = new JsonArray(admin.Faults.Select(f =>
            {
                var node = JsonSerializer.SerializeToNode(f.Rule, Json)!.AsObject();
                node["id"] = f.Id;
                node["remaining"] = f.Remaining;
                return (JsonNode)node;
            }).ToArray()),
        }));
        app.MapDelete("/_sim/faults", () =>
        {
            admin.ClearFaults();
            return new JsonReply(204, null);
        });
        app.MapDelete("/_sim/faults/{id}", (string id) => admin.RemoveFault(id) ? new JsonReply(204, null) : (IResult)new TextReply(404, "No such fault."));
        app.MapPost("/_sim/tokens/revoke", () =>
        {
            admin.RevokeAllTokens();
            return new JsonReply(204, null);
        });
        app.MapGet("/_sim/latencies", () => new JsonReply(200, LatenciesView(admin.Latencies)));
        app.MapPut("/_sim/latencies", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            var latencies = admin.Latencies;
            foreach (var (key, value) in body ?? [])
            {
                var ms = value is JsonValue v && v.TryGetValue<double>(out var number) ? TimeSpan.FromMilliseconds(number) : (TimeSpan?)null;
                var name = key.EndsWith("Ms", StringComparison.OrdinalIgnoreCase) ? key[..^2] : key;
                if (ms is null || !Apply(latencies, name, ms.Value))
                {
                    return (IResult)new TextReply(400, $"Unknown latency '{key}' or not a number of milliseconds.");
                }
            }

            admin.SetLatencies(latencies);
            return new JsonReply(200, LatenciesView(latencies));
        });
        app.MapPost("/_sim/builds/fail", async (HttpContext context) =>
        {
            var body = context.Request.ContentLength is > 0
                ? await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
                : null;
            var count = body?["count"]?.GetValue<int>() ?? 1;
            var message = body?["message"]?.GetValue<string>() ?? "No valid host was found. ";
            admin.FailNextBuilds(count, message);
            return new JsonReply(204, null);
        });
        app.MapPost("/_sim/servers/{id}/error", async (HttpContext context, string id) =>
        {
            var body = context.Request.ContentLength is > 0
                ? await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
                : null;
            try
            {
                admin.ForceServerError(id, body?["message"]?.GetValue<string>() ?? "Simulated failure.");
                return (IResult)new JsonReply(204, null);
            }
            catch (KeyNotFoundException e)
            {
                return new TextReply(404, e.Message);
            }
        });
        app.MapPost("/_sim/credentials", () =>
        {
            var credential = admin.CreateApplicationCredential();
            return new JsonReply(201, new JsonObject { ["id"] = credential.Id, ["secret"] = credential.Secret });
        });
        app.MapGet("/_sim/state", () => new JsonReply(200, JsonSerializer.SerializeToNode(admin.Snapshot(), Json)));
    }

    private static bool Apply(SimulatorLatencies latencies, string name, TimeSpan value)
    {
        switch (name.ToLowerInvariant())
        {
            case "build": latencies.Build = value; return true;
            case "action": latencies.Action = value; return true;
            case "resize": latencies.Resize = value; return true;
            case "delete": latencies.Delete = value; return true;
            case "volumeextend": latencies.VolumeExtend = value; return true;
            case "request": latencies.Request = value; return true;
            default: return false;
        }
    }

    private static JsonObject LatenciesView(SimulatorLatencies l)
    {
        static JsonNode Ms(TimeSpan t) => JsonValue.Create(Math.Round(t.TotalMilliseconds, 3));
        return new JsonObject
        {
            ["buildMs"] = Ms(l.Build),
            ["actionMs"] = Ms(l.Action),
            ["resizeMs"] = Ms(l.Resize),
            ["deleteMs"] = Ms(l.Delete),
            ["volumeExtendMs"] = Ms(l.VolumeExtend),
            ["requestMs"] = Ms(l.Request),
        };
    }
}
