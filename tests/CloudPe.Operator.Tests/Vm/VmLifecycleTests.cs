using CloudPe.Operator.Api.V1Alpha1;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmLifecycleTests
{
    [Fact]
    public async Task A_new_vm_is_built_and_runs_with_its_status_filled()
    {
        await using var bed = await VmTestbed.StartAsync();
        var created = await bed.CreateVmAsync("web-01", VmTestbed.Spec(sizeGiB: 20));

        var provisioning = await bed.UntilAsync("web-01", vm => vm.Status.VmId is not null, "the server ID is in the status", step: TimeSpan.FromMilliseconds(100));
        var running = await bed.UntilAsync("web-01", VmConditionsAssert.Ready, "the VM is Ready");

        Assert.Equal(provisioning.Status.VmId, running.Status.VmId);
        Assert.Equal(VmPhase.Running, running.Status.Phase);
        Assert.Equal(PowerState.Running, running.Status.PowerState);
        Assert.Equal("ACTIVE", running.Status.OpenStackStatus);
        Assert.Equal(30, running.Status.VolumeSizeGiB);
        Assert.StartsWith("10.20.0.", running.Status.Ipv4, StringComparison.Ordinal);
        Assert.Null(running.Status.Ipv6);
        Assert.Equal(running.Metadata.Generation, running.Status.ObservedGeneration);
        Assert.NotNull(running.Status.Console?.Url);
        Assert.Single(bed.ServersOf(created));
        Assert.True(VmConditionsAssert.Is(running, ConditionTypes.Provisioned, ConditionStatus.True));
        Assert.True(VmConditionsAssert.Is(running, ConditionTypes.PowerStateSynced, ConditionStatus.True));
        Assert.Null(VmConditionsAssert.Get(running, "Reconciling"));
    }

    [Fact]
    public async Task Power_state_is_reached_from_every_state()
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("power", VmTestbed.Spec());
        await bed.UntilAsync("power", VmConditionsAssert.Ready, "running");

        foreach (var (wanted, phase) in new[]
        {
            (PowerState.Stopped, VmPhase.Stopped),
            (PowerState.Suspended, VmPhase.Suspended), // from SHUTOFF: start, then suspend
            (PowerState.Stopped, VmPhase.Stopped),     // from SUSPENDED: resume, then stop
            (PowerState.Running, VmPhase.Running),
            (PowerState.Suspended, VmPhase.Suspended),
            (PowerState.Running, VmPhase.Running),     // resume
        })
        {
            await bed.PatchVmAsync("power", $$$"""{"spec":{"powerState":"{{{wanted}}}"}}""");
            var settled = await bed.UntilAsync("power", v => VmConditionsAssert.ReadyIn(v, phase) && v.Spec.PowerState == wanted, $"the VM is {phase}");
            Assert.Equal(wanted, settled.Status.PowerState);
            Assert.Null(settled.Status.TaskState);
        }

        var server = Assert.Single(bed.ServersOf(vm));
        Assert.Equal("ACTIVE", server.Status);
        var reasons = (await bed.EventsAsync("power")).Select(e => e.Reason).ToHashSet();
        Assert.Superset(new HashSet<string> { "Stopping", "Starting", "Suspending", "Resuming" }, reasons);
    }

    [Fact]
    public async Task A_transition_is_reported_as_in_progress_until_it_ends()
    {
        await using var bed = await VmTestbed.StartAsync();
        await bed.CreateVmAsync("slow", VmTestbed.Spec());

        var building = await bed.UntilAsync("slow", v => v.Status.Phase == VmPhase.Provisioning, "the VM is building", step: TimeSpan.FromMilliseconds(100));

        var ready = VmConditionsAssert.Get(building, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Contains(ready.Reason, new[] { "Provisioning", "Creating" });
        Assert.True(VmConditionsAssert.Is(building, "Reconciling", ConditionStatus.True));
        Assert.Equal("BUILD", building.Status.OpenStackStatus);
        await bed.UntilAsync("slow", VmConditionsAssert.Ready, "the build ends");
    }
}
