using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Fleet;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>What every step of the CloudPeVM reconcile uses: caches, writers, the cloud and the clock.</summary>
internal sealed class VmServices(
    IResourceCache<CloudPeVM> vms,
    IResourceCache<CloudPeServer> servers,
    IResourceCache<V1Secret> secrets,
    ResourceClient<CloudPeVM> vmClient,
    ResourceClient<V1Secret> secretClient,
    StatusWriter statusWriter,
    EventRecorder events,
    CloudConnectionProvider connections,
    FleetSnapshots fleet,
    VmPhaseTracker phases,
    ActionLedger ledger,
    SubnetCache subnets,
    TimeProvider time,
    ILogger<VmReconciler> logger)
{
    public IResourceCache<CloudPeVM> Vms { get; } = vms;

    public IResourceCache<CloudPeServer> Servers { get; } = servers;

    public IResourceCache<V1Secret> Secrets { get; } = secrets;

    public ResourceClient<CloudPeVM> VmClient { get; } = vmClient;

    public ResourceClient<V1Secret> SecretClient { get; } = secretClient;

    public StatusWriter StatusWriter { get; } = statusWriter;

    public EventRecorder Events { get; } = events;

    public CloudConnectionProvider Connections { get; } = connections;

    public FleetSnapshots Fleet { get; } = fleet;

    public VmPhaseTracker Phases { get; } = phases;

    public ActionLedger Ledger { get; } = ledger;

    public SubnetCache Subnets { get; } = subnets;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}
