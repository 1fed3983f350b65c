using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Deletion: the finalizer stays while any CloudPeVM in the namespace refers to the server (so those VMs can still
/// be deleted in the cloud); then the connection is dropped and the finalizer removed.
/// </summary>
internal static class FinalizeServer
{
    private const int NamesShown = 5;

    public static async Task<ReconcileResult> RunAsync(
        ServerReconcileContext context,
        IResourceCache<CloudPeVM> vms,
        ResourceClient<CloudPeServer> servers,
        CloudConnectionProvider connections,
        EventRecorder events,
        StatusWriter statusWriter,
        CancellationToken cancellationToken)
    {
        var server = context.Server;
        if (server.Metadata.Finalizers?.Contains(CloudPeApiGroup.Finalizer) != true)
        {
            connections.Remove(context.Namespace, context.Name);
            return ReconcileResult.Done;
        }

        var referring = vms.ListRequestsByIndex(ResourceIndexes.VmsByServer, ResourceIndexes.Key(context.Namespace, context.Name))
            .Select(vm => vm.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (referring.Count > 0)
        {
            var shown = string.Join(", ", referring.Take(NamesShown));
            var more = referring.Count > NamesShown ? $" and {referring.Count - NamesShown} more" : "";
            var message = $"Deletion waits for {referring.Count} {(referring.Count == 1 ? "CloudPeVM that refers" : "CloudPeVMs that refer")} to this server: {shown}{more}.";
            var before = Conditions.Find(context.Status.Conditions, ConditionTypes.Ready);
            var announce = before?.Reason != ConditionReasons.DeletionBlocked || before.Message != message;
            Conditions.SetFalse(context.Status.Conditions, ConditionTypes.Ready, ConditionReasons.DeletionBlocked, message, context.Generation, context.Now);
            Conditions.MarkReconciling(context.Status.Conditions, ConditionReasons.Deleting, message, context.Generation, context.Now);
            await statusWriter.UpdateStatusAsync(server, context.Status, cancellationToken).ConfigureAwait(false);
            if (announce)
            {
                await events.WarningAsync(server, ConditionReasons.DeletionBlocked, message, cancellationToken).ConfigureAwait(false);
            }

            // A VM change re-triggers this reconcile (see ServerWatchMaps); no polling needed.
            return ReconcileResult.Done;
        }

        connections.Remove(context.Namespace, context.Name);
        await servers.RemoveFinalizerAsync(server, CloudPeApiGroup.Finalizer, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }
}
