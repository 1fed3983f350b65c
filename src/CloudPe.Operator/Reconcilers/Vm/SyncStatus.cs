using CloudPe.Operator.Api.V1Alpha1;
using k8s;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Reads the VM's server — from the fleet snapshot, refreshed by one list per resync for steady VMs and one list per
/// transition poll interval while any VM of the CloudPeServer is in transition; with its own GET right after an action
/// it sent, a spec change or a sync request — and maps it into the status.
/// </summary>
internal static class SyncStatus
{
    /// <summary>Returns false when there is no server to work with (gone); the status then says so.</summary>
    public static async Task<bool> RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var id = ctx.Status.VmId!;
        var fleet = ctx.Services.Fleet;
        // A status without observedGeneration is a VM this operator just created, not a spec change.
        var specChanged = ctx.Status.ObservedGeneration is { } observed && observed != ctx.Generation;
        var own = ctx.ForceRefresh || fleet.NeedsOwnRead(id) || specChanged;
        var server = null as OpenStack.Compute.Server;
        if (!own)
        {
            // Many VMs building at once share one changes-since list per poll interval instead of a GET each, which
            // left the reconcile workers to the creates.
            var refresh = fleet.IsInTransition(id)
                ? fleet.EnsureTransitionsFreshAsync(ctx.ServerKey, ctx.Cloud, ctx.Now, cancellationToken)
                : fleet.EnsureFreshAsync(ctx.ServerKey, ctx.Cloud, ctx.Now, cancellationToken);
            await refresh.ConfigureAwait(false);
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
        fleet.Follow(id, StatusMapping.NeedsPolling(server));

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
