using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>
/// <c>POST /servers/{id}/action</c> and remote consoles. Each action checks vm_state, task_state and "launched"
/// with the rules of Nova's <c>@check_instance_state</c> (409 otherwise) and schedules its lazy transition.
/// </summary>
internal static class ServerActions
{
    public static IResult Run(ApiRequest r)
    {
        var server = ComputeApi.Find(r);
        if (r.Body is not JsonObject { Count: > 0 } body)
        {
            throw ApiException.BadRequest("Malformed request body");
        }

        var (action, argument) = body.First();
        var state = r.State;
        var latency = state.Latencies;
        switch (action)
        {
            case "os-start":
                Require(server, "start", [VmStates.Stopped]);
                return Transition(r, server, TaskStates.PoweringOn, latency.Action, VmStates.Active, PowerStates.Running);
            case "os-stop":
                Require(server, "stop", [VmStates.Active, VmStates.Error]);
                return Transition(r, server, TaskStates.PoweringOff, latency.Action, VmStates.Stopped, PowerStates.Shutdown);
            case "reboot":
                var type = (argument as JsonObject)?["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
                if (type is not ("SOFT" or "HARD"))
                {
                    throw ApiException.BadRequest($"Invalid input for field/attribute type. Value: {type ?? "None"}. '{type}' is not one of ['HARD', 'Hard', 'SOFT', 'Soft']");
                }

                if (type == "SOFT")
                {
                    Require(server, "reboot", [VmStates.Active]);
                    return Transition(r, server, TaskStates.Rebooting, latency.Action, VmStates.Active, PowerStates.Running);
                }

                Require(server, "reboot", [VmStates.Active, VmStates.Stopped, VmStates.Suspended, VmStates.Error], InstanceStateCheck.AllowReboot);
                return Transition(r, server, TaskStates.RebootingHard, latency.Action, VmStates.Active, PowerStates.Running);
            case "suspend":
                Require(server, "suspend", [VmStates.Active]);
                return Transition(r, server, TaskStates.Suspending, latency.Action, VmStates.Suspended, PowerStates.Suspended);
            case "resume":
                Require(server, "resume", [VmStates.Suspended]);
                return Transition(r, server, TaskStates.Resuming, latency.Action, VmStates.Active, PowerStates.Running);
            case "resize":
                return Resize(r, server, argument);
            case "confirmResize":
                Require(server, "confirmResize", [VmStates.Resized]);
                server.PreviousFlavor = null;
                server.Move(server.VmStateBeforeResize ?? VmStates.Active, null, server.PowerState, r.Now);
                return new JsonReply(204, null);
            case "revertResize":
                Require(server, "revertResize", [VmStates.Resized]);
                var previous = server.PreviousFlavor!;
                return Transition(r, server, TaskStates.ResizeReverting, latency.Resize, server.VmStateBeforeResize ?? VmStates.Active, server.PowerState, () =>
                {
                    server.Flavor = previous;
                    server.PreviousFlavor = null;
                });
            case "changePassword":
                var password = (argument as JsonObject)?["adminPass"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
                if (password is null)
                {
                    throw ApiException.BadRequest("Invalid input for field/attribute changePassword. 'adminPass' is a required property");
                }

                Require(server, "changePassword", [VmStates.Active]);
                server.AdminPass = password;
                return Accepted();
            case "os-getVNCConsole":
                if (r.Version >= new ApiVersion(2, 6))
                {
                    throw ApiException.NotFound("The resource could not be found.");
                }

                var consoleType = (argument as JsonObject)?["type"]?.ToString();
                if (consoleType is not ("novnc" or "xvpvnc"))
                {
                    throw ApiException.BadRequest($"Invalid input for field/attribute type. Value: {consoleType ?? "None"}. '{consoleType}' is not one of ['novnc', 'xvpvnc']");
                }

                RequireReady(server);
                return new JsonReply(200, new JsonObject { ["console"] = new JsonObject { ["type"] = consoleType, ["url"] = ConsoleUrl(state) } });
            case "os-getConsoleOutput":
                RequireReady(server);
                return new JsonReply(200, new JsonObject { ["output"] = $"[    0.000000] Linux version 6.8.0 (simulated)\n{server.Name} login: \n" });
            default:
                throw ApiException.NotFound($"There is no such action: {action}");
        }
    }

    public static IResult RemoteConsole(ApiRequest r)
    {
        if (r.Version < new ApiVersion(2, 6))
        {
            throw ApiException.NotFound("The resource could not be found.");
        }

        var server = ComputeApi.Find(r);
        var request = r.RequireObject("remote_console");
        var protocol = request["protocol"]?.ToString();
        var type = request["type"]?.ToString();
        if (protocol is not ("vnc" or "spice" or "rdp" or "serial" or "mks") || type is null)
        {
            throw ApiException.BadRequest($"Invalid input for field/attribute protocol. Value: {protocol ?? "None"}. '{protocol}' is not one of ['vnc', 'spice', 'rdp', 'serial', 'mks']");
        }

        if (protocol != "vnc" || type is not ("novnc" or "xvpvnc"))
        {
            throw ApiException.BadRequest($"Unavailable console type {type}.");
        }

        RequireReady(server);
        return new JsonReply(200, new JsonObject
        {
            ["remote_console"] = new JsonObject { ["protocol"] = protocol, ["type"] = type, ["url"] = ConsoleUrl(r.State) },
        });
    }

    private static IResult Resize(ApiRequest r, ServerRecord server, JsonNode? argument)
    {
        var flavorRef = ServerCreation.Scalar((argument as JsonObject)?["flavorRef"])
            ?? throw ApiException.BadRequest("Invalid input for field/attribute resize. 'flavorRef' is a required property");
        Require(server, "resize", [VmStates.Active, VmStates.Stopped]);
        var flavor = r.State.Flavors.FirstOrDefault(f => f.Id == flavorRef.Split('/')[^1])
            ?? throw ApiException.BadRequest($"Flavor {flavorRef} could not be found.");
        if (flavor.Id == server.Flavor.Id)
        {
            throw ApiException.BadRequest("When resizing, instances must change flavor!");
        }

        server.VmStateBeforeResize = server.VmState;
        server.PreviousFlavor = server.Flavor;
        return Transition(r, server, TaskStates.ResizePrep, r.State.Latencies.Resize, VmStates.Resized, server.PowerState, () => server.Flavor = flavor);
    }

    private static JsonReply Transition(ApiRequest r, ServerRecord server, string task, TimeSpan latency, string vmState, int powerState, Action? complete = null)
    {
        server.TaskState = task;
        server.Updated = r.Now;
        server.Pending = new PendingTransition(r.Now + latency, at =>
        {
            complete?.Invoke();
            server.Move(vmState, null, powerState, at);
            if (vmState != VmStates.Error)
            {
                server.Fault = null;
            }
        });
        return Accepted();
    }

    private static void Require(ServerRecord server, string action, string[] vmStates, string?[]? taskStates = null) =>
        InstanceStateCheck.Require(server, action, vmStates, taskStates ?? InstanceStateCheck.NoTask);

    private static void RequireReady(ServerRecord server)
    {
        if (server.VmState != VmStates.Active)
        {
            throw ApiException.Conflict($"Instance {server.Id} is not ready.");
        }
    }

    private static string ConsoleUrl(CloudState state) =>
        $"http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3D{state.Ids.Uuid()}";

    private static JsonReply Accepted() => new(202, null);
}
