using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;
using NovaServer = CloudPe.OpenStack.Compute.Server;
using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// One reconcile of one CloudPeVM: the cached object (never mutated), a working copy of its status, what the steps
/// found out and what they want the outcome to be.
/// </summary>
internal sealed class VmContext
{
    public VmContext(CloudPeVM vm, VmServices services)
    {
        Vm = vm;
        Services = services;
        Now = services.Time.GetUtcNow();
        Status = KubernetesJson.Deserialize<CloudPeVMStatus>(KubernetesJson.Serialize(vm.Status ?? new CloudPeVMStatus()));
    }

    public CloudPeVM Vm { get; set; }

    public VmServices Services { get; }

    public DateTimeOffset Now { get; }

    public CloudPeVMStatus Status { get; }

    public CloudPeVMSpec Spec => Vm.Spec;

    public string Namespace => Vm.Metadata.NamespaceProperty ?? "default";

    public string Name => Vm.Metadata.Name;

    public string Uid => Vm.Metadata.Uid;

    public long? Generation => Vm.Metadata.Generation;

    public CloudPeServer? Server { get; set; }

    /// <summary>Fleet key of the CloudPeServer (namespace/name).</summary>
    public string ServerKey => $"{Namespace}/{Spec.ServerRef.Name}";

    public OpenStackConnection? Connection { get; set; }

    public OpenStackConnection Cloud => Connection ?? throw new InvalidOperationException("No cloud connection in this reconcile.");

    public ResolvedReferences? Refs { get; set; }

    /// <summary>The Secret holding the VM's password and its key.</summary>
    public V1Secret? PasswordSecret { get; set; }

    public string PasswordKey { get; set; } = CloudPeVMSpec.DefaultPasswordKey;

    /// <summary>The cloud server as last read (snapshot or GET).</summary>
    public NovaServer? Observed { get; set; }

    /// <summary>
    /// The VM had no finalizer and no server ID when this reconcile began. The finalizer is always written before
    /// anything is created in the cloud, so nothing can exist for it there yet: the crash-recovery look-ups (a server
    /// or port carrying its stamp, an owned Secret not in the cache) can be skipped. Cleared once something is created.
    /// </summary>
    public bool NothingCreatedYet { get; set; }

    /// <summary>Read the server (and volume) from the cloud even when the fleet snapshot has it.</summary>
    public bool ForceRefresh { get; set; }

    /// <summary>An action was sent to the cloud in this reconcile; look again soon instead of acting further.</summary>
    public bool Acted { get; private set; }

    public TimeSpan? RequeueAfter { get; private set; }

    /// <summary>Set when something needs the user (Stalled) or blocks progress: becomes Ready=False with this reason.</summary>
    public (string Reason, string Message, bool Stalled)? Blocked { get; private set; }

    /// <summary>Set while moving toward the spec: Ready=False with an in-progress reason, Reconciling=True.</summary>
    public (string Reason, string Message)? Progress { get; private set; }

    public void Block(string reason, string message, bool stalled) => Blocked ??= (reason, message, stalled);

    public void InProgress(string reason, string message) => Progress ??= (reason, message);

    /// <summary>Records that a cloud action was sent; the VM is polled until it settles.</summary>
    public void MarkActed(string reason, string message)
    {
        Acted = true;
        InProgress(reason, message);
        PollSoon();
    }

    public void PollSoon() => Requeue(Services.Fleet.Settings.TransitionPollInterval);

    public void Requeue(TimeSpan delay)
    {
        if (RequeueAfter is null || delay < RequeueAfter)
        {
            RequeueAfter = delay;
        }
    }

    /// <summary>Whether the server is ACTIVE with no task: the state actions such as console and restart need.</summary>
    public bool IsRunning => Observed is { TaskState: null } o && string.Equals(o.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);

    public string? Annotation(string key) =>
        Vm.Metadata.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;

    public Task NormalAsync(string reason, string message, CancellationToken cancellationToken) =>
        Services.Events.NormalAsync(Vm, reason, message, cancellationToken);

    public Task WarningAsync(string reason, string message, CancellationToken cancellationToken) =>
        Services.Events.WarningAsync(Vm, reason, message, cancellationToken);

    /// <summary>Writes the working status now with its conditions and observed generation; no write when unchanged.</summary>
    public Task<bool> PublishStatusAsync(CancellationToken cancellationToken)
    {
        VmConditions.Apply(this);
        Status.ObservedGeneration = Generation;
        return FlushStatusAsync(cancellationToken);
    }

    /// <summary>Writes the working status now (e.g. the server ID the moment Nova answers); no write when unchanged.</summary>
    public Task<bool> FlushStatusAsync(CancellationToken cancellationToken) =>
        Services.StatusWriter.UpdateStatusAsync(Vm, Status, cancellationToken);
}
