using CloudPe.OpenStack;
using CloudPe.OpenStack.Identity;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using k8s;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>One reconcile of a CloudPeServer: the cached object, the status being built, and what earlier steps found.</summary>
internal sealed class ServerReconcileContext
{
    private static readonly string[] Chain = [ConditionTypes.Authenticated, ConditionTypes.CatalogResolved, ConditionTypes.InventoryReady];

    public ServerReconcileContext(CloudPeServer server, DateTimeOffset now)
    {
        Server = server;
        Now = now;
        Generation = server.Metadata.Generation;

        // Built from a copy: the cached object is shared with every other reader.
        Status = server.Status is null
            ? new CloudPeServerStatus()
            : KubernetesJson.Deserialize<CloudPeServerStatus>(KubernetesJson.Serialize(server.Status));
        Status.Conditions ??= [];
    }

    public CloudPeServer Server { get; }

    public string Namespace => Server.Metadata.NamespaceProperty ?? "default";

    public string Name => Server.Metadata.Name;

    public DateTimeOffset Now { get; }

    public long? Generation { get; }

    public CloudPeServerStatus Status { get; }

    public TimeSpan RefreshInterval { get; set; }

    public OpenStackConnection? Connection { get; set; }

    /// <summary>
    /// The reconcile stopped early to honour a back-off: it learned nothing new, and its status (copied from the
    /// cache, which may not show the last write yet) must not be written over the failure it waits on.
    /// </summary>
    public bool WaitingOnBackOff { get; set; }

    public AuthenticationInfo? Authentication { get; set; }

    public void SetTrue(string type, string reason, string message) =>
        Conditions.SetTrue(Status.Conditions, type, reason, message, Generation, Now);

    /// <summary>
    /// Records a failure of <paramref name="type"/> (or of the whole object when null): Ready=False with the same
    /// reason and message, the conditions after it in the chain Unknown, and kstatus Stalled (the user must act)
    /// or Reconciling (the operator keeps retrying).
    /// </summary>
    public void Fail(string? type, string reason, string message, bool needsUser)
    {
        var later = false;
        foreach (var step in Chain)
        {
            if (step == type)
            {
                Conditions.SetFalse(Status.Conditions, step, reason, message, Generation, Now);
                later = true;
            }
            else if (later)
            {
                Conditions.SetUnknown(Status.Conditions, step, ConditionReasons.DependencyNotReady, $"Waiting for {type}.", Generation, Now);
            }
        }

        Conditions.SetFalse(Status.Conditions, ConditionTypes.Ready, reason, message, Generation, Now);
        if (needsUser)
        {
            Conditions.MarkStalled(Status.Conditions, reason, message, Generation, Now);
        }
        else
        {
            Conditions.MarkReconciling(Status.Conditions, ConditionReasons.Progressing, $"Retrying: {message}", Generation, Now);
        }

        Status.ObservedGeneration = Generation;
    }
}
