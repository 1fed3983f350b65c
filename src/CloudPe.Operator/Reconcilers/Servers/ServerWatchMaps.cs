using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using k8s.Models;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Maps changes of other objects to CloudPeServer keys: a Secret to the servers that use it (rotation), and a
/// CloudPeVM to its server only while that server is being deleted (to release a blocked deletion).
/// </summary>
internal sealed class ServerWatchMaps
{
    // Set when the reconciler is created, before any informer delivers an event.
    public IResourceCache<CloudPeServer>? Servers { get; set; }

    public IEnumerable<ReconcileRequest> ServersUsing(V1Secret secret)
    {
        if (Servers is null || secret.Metadata?.Name is null)
        {
            return [];
        }

        return Servers.ListByIndex(ResourceIndexes.ServersBySecret, ResourceIndexes.Key(secret.Metadata.NamespaceProperty, secret.Metadata.Name))
            .Select(s => new ReconcileRequest(s.Metadata.NamespaceProperty, s.Metadata.Name))
            .ToList();
    }

    public IEnumerable<ReconcileRequest> DeletingServerOf(CloudPeVM vm)
    {
        var name = vm.Spec?.ServerRef?.Name;
        if (Servers is null || string.IsNullOrEmpty(name))
        {
            return [];
        }

        var server = Servers.Get(vm.Metadata.NamespaceProperty, name);
        return server?.Metadata.DeletionTimestamp is null
            ? []
            : [new ReconcileRequest(server.Metadata.NamespaceProperty, server.Metadata.Name)];
    }
}
