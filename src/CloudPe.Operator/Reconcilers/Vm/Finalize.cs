using CloudPe.Controllers;
using CloudPe.OpenStack.Networking;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Deletion behind the finalizer: delete the server, wait until Nova no longer has it, then remove the stamped
/// ports and the recorded volume left behind (404 counts as done) and release the finalizer. <c>deletionPolicy: Orphan</c>
/// leaves everything in the cloud.
/// </summary>
internal static class Finalize
{
    public static async Task<ReconcileResult> RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var services = ctx.Services;
        if (ctx.Vm.Metadata.Finalizers?.Contains(CloudPeApiGroup.Finalizer) != true)
        {
            return ReconcileResult.Done;
        }

        if (ctx.Spec.DeletionPolicy == DeletionPolicy.Orphan)
        {
            await ctx.NormalAsync(VmReasons.Orphaned, $"deletionPolicy Orphan: server {ctx.Status.VmId ?? "(none)"}, its port and volume stay in the cloud.", cancellationToken).ConfigureAwait(false);
            return await ReleaseAsync(ctx, cancellationToken).ConfigureAwait(false);
        }

        var server = services.Servers.Get(ctx.Namespace, ctx.Spec.ServerRef.Name);
        if (server is null)
        {
            // Nothing left that could reach the cloud: keeping the finalizer would only block the namespace.
            await ctx.WarningAsync(VmReasons.CloudResourcesLeft, $"CloudPeServer {ctx.Spec.ServerRef.Name} no longer exists; server {ctx.Status.VmId ?? "(unknown)"} may remain in the cloud.", cancellationToken).ConfigureAwait(false);
            return await ReleaseAsync(ctx, cancellationToken).ConfigureAwait(false);
        }

        var connection = await services.Connections.GetAsync(server, cancellationToken).ConfigureAwait(false);
        if (!connection.Succeeded)
        {
            return await WaitAsync(ctx, VmReasons.ServerNotReady, $"cannot delete in the cloud yet: {connection.FailureMessage}", TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        ctx.Connection = connection.Connection;
        ctx.Server = server;
        var compute = ctx.Cloud.Compute;
        var id = ctx.Status.VmId ?? (await EnsureServer.FindStampedAsync(ctx, cancellationToken).ConfigureAwait(false))?.Id;
        if (id is not null)
        {
            var current = await compute.GetServerAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is not null && !string.Equals(current.Status, "DELETED", StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(current.TaskState, "deleting", StringComparison.OrdinalIgnoreCase))
                {
                    await compute.DeleteServerAsync(id, cancellationToken).ConfigureAwait(false);
                    await ctx.NormalAsync(VmReasons.Deleting, $"Deleting server {id}.", cancellationToken).ConfigureAwait(false);
                }

                return await WaitAsync(ctx, VmReasons.Deleting, $"waiting until server {id} is gone", services.Fleet.Settings.TransitionPollInterval, cancellationToken).ConfigureAwait(false);
            }

            services.Fleet.Remove(ctx.ServerKey, id);
        }

        // The server is gone: what it leaves behind is found by the stamp (ports) and by the recorded ID (volume).
        var removed = new List<string>();
        var network = ctx.Cloud.Networking;
        foreach (var port in await network.ListPortsAsync(new PortQuery(Tags: [VmStamp.Tag(ctx.Uid)]), cancellationToken).ConfigureAwait(false))
        {
            if (await network.DeletePortAsync(port.Id, cancellationToken).ConfigureAwait(false))
            {
                removed.Add($"port {port.Id}");
            }
        }

        // Nova copies no server metadata onto the boot volume, so the volume is known only by the ID the VM recorded.
        var storage = ctx.Cloud.BlockStorage;
        var volumes = new List<CloudPe.OpenStack.BlockStorage.Volume>();
        if (ctx.Status.VolumeId is { } volumeId && await storage.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            volumes.Add(known);
        }

        foreach (var volume in volumes)
        {
            if (volume.Status is "deleting")
            {
                continue;
            }

            if (volume.AttachedServerIds.Count > 0 || volume.Status is "in-use" or "detaching" or "attaching")
            {
                return await WaitAsync(ctx, VmReasons.Deleting, $"waiting until volume {volume.Id} is detached", services.Fleet.Settings.TransitionPollInterval, cancellationToken).ConfigureAwait(false);
            }

            if (await storage.DeleteVolumeAsync(volume.Id, cancellationToken).ConfigureAwait(false))
            {
                removed.Add($"volume {volume.Id}");
            }
        }

        await ctx.NormalAsync(VmReasons.Deleted, id is null && removed.Count == 0
            ? "Nothing to delete in the cloud."
            : $"Deleted server {id ?? "(none)"}{(removed.Count > 0 ? " and " + string.Join(", ", removed) : "")}.", cancellationToken).ConfigureAwait(false);
        return await ReleaseAsync(ctx, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ReconcileResult> WaitAsync(VmContext ctx, string reason, string message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ctx.Status.Phase = VmPhase.Deleting;
        Conditions.SetFalse(ctx.Status.Conditions, ConditionTypes.Ready, reason, message, ctx.Generation, ctx.Now);
        Conditions.MarkReconciling(ctx.Status.Conditions, reason, message, ctx.Generation, ctx.Now);
        await ctx.FlushStatusAsync(cancellationToken).ConfigureAwait(false);
        ctx.Services.Phases.Set($"{ctx.Namespace}/{ctx.Name}", nameof(VmPhase.Deleting));
        return ReconcileResult.RequeueAfter(delay);
    }

    private static async Task<ReconcileResult> ReleaseAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        await ctx.Services.VmClient.RemoveFinalizerAsync(ctx.Vm, CloudPeApiGroup.Finalizer, cancellationToken).ConfigureAwait(false);
        ctx.Services.Phases.Forget($"{ctx.Namespace}/{ctx.Name}");
        ctx.Services.Ledger.Forget(ctx.Uid);
        if (ctx.Status.VmId is { } id)
        {
            ctx.Services.Fleet.Remove(ctx.ServerKey, id);
        }

        return ReconcileResult.Done;
    }
}
