using CloudPe.Operator.Api.V1Alpha1;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmDeletionTests
{
    [Fact]
    public async Task Delete_leaves_no_server_port_or_volume()
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("gone", VmTestbed.Spec(network: "public-net", ipMode: IpMode.DualStack));
        var ready = await bed.UntilAsync("gone", VmConditionsAssert.Ready, "running");
        Assert.NotEmpty(bed.Cloud.Admin.Snapshot().Ports);

        await bed.DeleteVmAsync("gone");

        await bed.EventuallyAsync(async () => await bed.GetVmAsync("gone") is null, "the CloudPeVM is gone");
        await bed.EventuallyAsync(() => Task.FromResult(bed.Cloud.Admin.Snapshot().Volumes.Count == 0), "the volume is gone");
        var cloud = bed.Cloud.Admin.Snapshot();
        Assert.Empty(cloud.Servers);
        Assert.Empty(cloud.Ports);
        Assert.DoesNotContain(cloud.Volumes, v => v.Id == ready.Status.VolumeId);
        Assert.Contains(await bed.EventsAsync("gone"), e => e.Reason == "Deleted" && e.Message.Contains(ready.Status.VmId!, StringComparison.Ordinal));
        _ = vm;
    }

    [Fact]
    public async Task Orphan_leaves_server_port_and_volume()
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("kept", VmTestbed.Spec(), DeletionPolicy.Orphan);
        var ready = await bed.UntilAsync("kept", VmConditionsAssert.Ready, "running");

        await bed.DeleteVmAsync("kept");
        await bed.EventuallyAsync(async () => await bed.GetVmAsync("kept") is null, "the CloudPeVM is gone");
        bed.Clock.Advance(TimeSpan.FromMinutes(5));

        var server = Assert.Single(bed.ServersOf(vm));
        Assert.Equal("ACTIVE", server.Status);
        var cloud = bed.Cloud.Admin.Snapshot();
        Assert.Single(cloud.Ports, p => p.DeviceId == server.Id);
        Assert.Single(cloud.Volumes, v => v.Id == ready.Status.VolumeId);
    }

    [Fact]
    public async Task A_server_in_error_gives_failed_with_the_fault_and_no_second_server()
    {
        await using var bed = await VmTestbed.StartAsync();
        bed.Cloud.Admin.FailNextBuilds(1, "No valid host was found.");
        var vm = await bed.CreateVmAsync("err", VmTestbed.Spec());

        var failed = await bed.UntilAsync("err", v => v.Status.Phase == VmPhase.Failed, "the VM is Failed");
        for (var i = 0; i < 5; i++)
        {
            bed.Clock.Advance(TimeSpan.FromMinutes(1));
            await bed.UntilAsync("err", v => v.Status.Phase == VmPhase.Failed, "the VM stays Failed");
        }

        var ready = VmConditionsAssert.Get(failed, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Equal("ServerError", ready.Reason);
        Assert.Contains("No valid host was found.", ready.Message, StringComparison.Ordinal);
        Assert.True(VmConditionsAssert.Is(failed, "Stalled", ConditionStatus.True));
        Assert.Equal("ERROR", failed.Status.OpenStackStatus);
        Assert.Single(bed.Cloud.Admin.Snapshot().Servers);
        Assert.Single(bed.ServersOf(vm));
        Assert.Equal(1, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault("compute POST /servers"));
    }

    [Fact]
    public async Task A_running_server_that_goes_to_error_is_failed_and_deletable()
    {
        await using var bed = await VmTestbed.StartAsync();
        await bed.CreateVmAsync("crash", VmTestbed.Spec());
        var running = await bed.UntilAsync("crash", VmConditionsAssert.Ready, "running");

        bed.Cloud.Admin.ForceServerError(running.Status.VmId!, "Host lost power.");
        await bed.AnnotateAsync("crash", CloudPeAnnotations.Sync, "now");
        var failed = await bed.UntilAsync("crash", v => v.Status.Phase == VmPhase.Failed, "the VM is Failed");
        Assert.Contains("Host lost power.", VmConditionsAssert.Get(failed, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);

        await bed.DeleteVmAsync("crash");
        await bed.EventuallyAsync(async () => await bed.GetVmAsync("crash") is null, "the CloudPeVM is gone");
        await bed.EventuallyAsync(() => Task.FromResult(bed.Cloud.Admin.Snapshot() is { Servers.Count: 0, Ports.Count: 0, Volumes.Count: 0 }), "the cloud is empty");
    }
}
