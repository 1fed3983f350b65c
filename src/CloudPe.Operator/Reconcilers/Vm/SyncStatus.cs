using CloudPe.Operator.Api.V1Alpha1;
using k8s;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Reads the VM's server — from the fleet snapshot for a steady VM, with its own GET while it is in transition,
/// right after a spec change or on a sync request — and maps it into the status.
/// </summary>
internal static class SyncStatus
{
    /// <summary>Returns false when there is no server to work with (gone); the status then says so.</summary>
    public static async Task<bool> RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var id = ctx.Status.VmId!;
        var fleet = ctx.Services.Fleet;
        var steady = !ctx.ForceRefresh && !fleet.IsInTransition(id) && ctx.Generation == ctx.Status.ObservedGeneration;
        var server = null as OpenStack.Compute.Server;
        if (steady)
        {
            await fleet.EnsureFreshAsync(ctx.ServerKey, ctx.Cloud, ctx.Now, cancellationToken).ConfigureAwait(false);
            server = fleet.Get(ctx.ServerKey, id);
        }

        if (server is null)
        {
            server = await ctx.Cloud.Compute.GetServerAsync(id, cancellationToken).ConfigureAwait(false);
            if (server is not null)
            {
                fleet.Put(ctx.ServerKey, server);
            }
        }

        if (server is null || string.Equals(server.Status, "DELETED", StringComparison.OrdinalIgnoreCase))
        {
            fleet.Remove(ctx.ServerKey, id);
            ctx.Status.Phase = VmPhase.Failed;
            ctx.Status.TaskState = null;
            ctx.Block(VmReasons.ServerNotFound, $"Server {id} no longer exists in the cloud; delete the CloudPeVM to clean up (it is not recreated on its own).", stalled: true);
            return false;
        }

        ctx.Observed = server;
        fleet.SetInTransition(id, StatusMapping.NeedsPolling(server));

        var before = KubernetesJson.Serialize(ctx.Status);
        StatusMapping.Apply(ctx.Status, server, ctx.Spec.IpMode, ctx.Server?.Status.Inventory, ctx.Refs);
        if (ctx.ForceRefresh || before != KubernetesJson.Serialize(ctx.Status))
        {
            // Only a real change moves lastSyncTime: a steady resync must not write.
            ctx.Status.LastSyncTime = ctx.Now;
        }

        return true;
    }
}
