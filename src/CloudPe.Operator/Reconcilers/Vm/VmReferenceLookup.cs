using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using k8s.Models;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Maps a changed CloudPeServer or Secret to the CloudPeVMs that use it, for the controller's watches. The watches
/// are declared before the container exists, so the VM cache is attached when the reconciler is built.
/// </summary>
internal sealed class VmReferenceLookup
{
    public const string VmsByPasswordSecret = "vms-by-password-secret";
    private IResourceCache<CloudPeVM>? _vms;

    public void Attach(IResourceCache<CloudPeVM> vms) => _vms = vms;

    public IEnumerable<ReconcileRequest> VmsOf(CloudPeServer server) =>
        Requests(ResourceIndexes.VmsByServer, ResourceIndexes.Key(server.Metadata.NamespaceProperty, server.Metadata.Name));

    public IEnumerable<ReconcileRequest> VmsUsing(V1Secret secret) =>
        Requests(VmsByPasswordSecret, ResourceIndexes.Key(secret.Metadata.NamespaceProperty, secret.Metadata.Name));

    public static IEnumerable<string> PasswordSecretOf(CloudPeVM vm)
    {
        if (vm.Spec?.PasswordSecretRef?.Name is { Length: > 0 } name)
        {
            yield return ResourceIndexes.Key(vm.Metadata.NamespaceProperty, name);
        }
    }

    private IEnumerable<ReconcileRequest> Requests(string index, string value) =>
        _vms is null
            ? []
            : _vms.ListRequestsByIndex(index, value);
}
