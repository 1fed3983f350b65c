using CloudPe.Operator.Api.V1Alpha1;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmResizeTests
{
    [Theory]
    [InlineData(PowerState.Running, VmPhase.Running)]
    [InlineData(PowerState.Stopped, VmPhase.Stopped)]
    [InlineData(PowerState.Suspended, VmPhase.Suspended)]
    public async Task A_flavor_change_resizes_confirms_and_keeps_the_power_state(PowerState power, VmPhase phase)
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("rs", VmTestbed.Spec(power: power));
        var before = await bed.UntilAsync("rs", v => VmConditionsAssert.ReadyIn(v, phase), $"the VM is {phase}");

        await bed.PatchVmAsync("rs", """{"spec":{"flavor":"c1.large"}}""");

        var after = await bed.UntilAsync("rs", v => VmConditionsAssert.ReadyIn(v, phase) && v.Status.FlavorId != before.Status.FlavorId, "the VM has the new flavor");
        var server = Assert.Single(bed.ServersOf(vm));
        Assert.Equal(after.Status.FlavorId, server.FlavorId);
        Assert.Equal(power, after.Status.PowerState);
        var reasons = (await bed.EventsAsync("rs")).Select(e => e.Reason).ToList();
        Assert.Contains("Resizing", reasons);
        Assert.Contains("ResizeConfirmed", reasons);
    }

    [Fact]
    public async Task A_bigger_volume_is_extended_and_a_smaller_one_refused()
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("grow", VmTestbed.Spec(sizeGiB: 40));
        await bed.UntilAsync("grow", v => VmConditionsAssert.Ready(v) && v.Status.VolumeSizeGiB == 40, "the VM runs with 40 GiB");

        await bed.PatchVmAsync("grow", """{"spec":{"volume":{"sizeGiB":64}}}""");
        var grown = await bed.UntilAsync("grow", v => VmConditionsAssert.Ready(v) && v.Status.VolumeSizeGiB == 64, "the volume has 64 GiB");
        var shrink = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => bed.PatchVmAsync("grow", """{"spec":{"volume":{"sizeGiB":50}}}"""));

        Assert.Equal(422, (int)shrink.Response.StatusCode);
        var volume = Assert.Single(bed.Cloud.Admin.Snapshot().Volumes, v => v.Id == grown.Status.VolumeId);
        Assert.Equal(64, volume.Size);
        Assert.Contains(await bed.EventsAsync("grow"), e => e.Reason == "VolumeExtending");
        Assert.Single(bed.ServersOf(vm));
    }

    [Fact]
    public async Task The_volume_gets_the_largest_of_spec_server_floor_and_image_minimum()
    {
        await using var bed = await VmTestbed.StartAsync(new VmTestbedOptions { MinVolumeSizeGiB = 20 });
        await bed.CreateVmAsync("small", VmTestbed.Spec(sizeGiB: 10));
        await bed.CreateVmAsync("windows", VmTestbed.Spec(image: "Windows Server 2022", sizeGiB: 25));
        await bed.CreateVmAsync("large", VmTestbed.Spec(sizeGiB: 80));

        Assert.Equal(20, (await bed.UntilAsync("small", VmConditionsAssert.Ready, "small is Ready")).Status.VolumeSizeGiB);
        Assert.Equal(40, (await bed.UntilAsync("windows", VmConditionsAssert.Ready, "windows is Ready")).Status.VolumeSizeGiB);
        Assert.Equal(80, (await bed.UntilAsync("large", VmConditionsAssert.Ready, "large is Ready")).Status.VolumeSizeGiB);
        Assert.Equal([20, 40, 80], bed.Cloud.Admin.Snapshot().Volumes.Select(v => v.Size).Order().ToList());
    }
}
