using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>
/// Nova's <c>@check_instance_state</c>: vm_state first, then task_state, then "has been launched"; each
/// failure is the 409 that <c>raise_http_conflict_for_instance_invalid_state</c> renders.
/// </summary>
internal static class InstanceStateCheck
{
    /// <summary>Nova's default <c>task_state=(None,)</c>: no task may be running.</summary>
    public static readonly string?[] NoTask = [null];

    /// <summary><c>task_states.ALLOW_REBOOT</c> (the ones the simulator has): a hard reboot may interrupt these.</summary>
    public static readonly string?[] AllowReboot = [null, TaskStates.Rebooting, TaskStates.RebootingHard, TaskStates.Resuming, TaskStates.Suspending];

    /// <summary>Any task state (<c>task_state=None</c> in the decorator).</summary>
    public static readonly string?[]? AnyTask = null;

    /// <summary>The vm_states in which server metadata and tags may change (compute API and server_tags controller).</summary>
    public static readonly string[] Editable = [VmStates.Active, VmStates.Suspended, VmStates.Stopped];

    public static void Require(ServerRecord server, string action, string[] vmStates, string?[]? taskStates, bool mustHaveLaunched = true)
    {
        if (!vmStates.Contains(server.VmState))
        {
            throw Invalid(server, action, "vm_state", server.VmState);
        }

        if (taskStates is not null && !taskStates.Contains(server.TaskState))
        {
            throw Invalid(server, action, "task_state", server.TaskState ?? "None");
        }

        if (mustHaveLaunched && server.LaunchedAt is null)
        {
            throw ApiException.Conflict($"Instance {server.Id} is in an invalid state for '{action}'");
        }
    }

    private static ApiException Invalid(ServerRecord server, string action, string attribute, string state) =>
        ApiException.Conflict($"Cannot '{action}' instance {server.Id} while it is in {attribute} {state}");
}
