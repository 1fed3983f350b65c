using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Ready, Provisioned, PowerStateSynced and the kstatus pair Reconciling / Stalled from what the steps found.
/// Ready is True only when the server exists, is in the wanted power state with no task, and matches the spec.
/// </summary>
internal static class VmConditions
{
    public static void Apply(VmContext ctx)
    {
        var status = ctx.Status;
        var conditions = status.Conditions;
        var generation = ctx.Generation;
        var now = ctx.Now;
        var server = ctx.Observed;
        status.Phase ??= VmPhase.Pending;

        if (status.VmId is not null && server is not null)
        {
            Conditions.SetTrue(conditions, ConditionTypes.Provisioned, VmReasons.ServerExists, $"Server {status.VmId} exists.", generation, now);
        }
        else if (status.VmId is null)
        {
            Conditions.SetFalse(conditions, ConditionTypes.Provisioned, ctx.Progress?.Reason ?? VmReasons.Pending, "No server has been created yet.", generation, now);
        }

        var desired = ctx.Spec.PowerState;
        if (server is not null && !StatusMapping.IsBusy(server) && status.PowerState == desired)
        {
            Conditions.SetTrue(conditions, ConditionTypes.PowerStateSynced, VmReasons.InSync, $"The VM is {desired}.", generation, now);
        }
        else
        {
            var seen = status.PowerState?.ToString() ?? "unknown";
            Conditions.SetFalse(conditions, ConditionTypes.PowerStateSynced, VmReasons.PowerTransition, $"Wanted {desired}, observed {seen}{(server?.TaskState is { } t ? $" (task {t})" : "")}.", generation, now);
        }

        if (server is not null && status.Phase == VmPhase.Failed && ctx.Blocked is null)
        {
            var fault = server.Fault?.Message is { Length: > 0 } m ? m : "no fault message";
            ctx.Block(VmReasons.ServerError, $"Nova put server {server.Id} in ERROR: {fault}. The server is kept for inspection; delete the CloudPeVM to remove it.", stalled: true);
        }

        if (ctx.Blocked is { } blocked)
        {
            Conditions.SetFalse(conditions, ConditionTypes.Ready, blocked.Reason, blocked.Message, generation, now);
            if (blocked.Stalled)
            {
                Conditions.MarkStalled(conditions, blocked.Reason, blocked.Message, generation, now);
            }
            else
            {
                Conditions.MarkReconciling(conditions, blocked.Reason, blocked.Message, generation, now);
            }

            return;
        }

        var progress = ctx.Progress;
        if (progress is null && server is not null && StatusMapping.NeedsPolling(server))
        {
            progress = StatusMapping.ProgressOf(server);
        }

        if (progress is null && server is not null && status.PowerState != desired)
        {
            progress = (VmReasons.PowerTransition, $"Wanted {desired}, observed {status.PowerState?.ToString() ?? "unknown"}.");
        }

        if (progress is null && server is null)
        {
            progress = (VmReasons.Pending, "Waiting to create the server.");
        }

        if (progress is { } p)
        {
            Conditions.SetFalse(conditions, ConditionTypes.Ready, p.Reason, p.Message, generation, now);
            Conditions.MarkReconciling(conditions, p.Reason, p.Message, generation, now);
            return;
        }

        Conditions.SetTrue(conditions, ConditionTypes.Ready, VmReasons.Ready, $"Server {status.VmId} is {status.Phase} with flavor {ctx.Refs?.Flavor.Name} and a {status.VolumeSizeGiB} GiB volume.", generation, now);
        Conditions.MarkSettled(conditions);
    }
}
