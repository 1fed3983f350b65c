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
        var running = await bed.UntilAsync("web-01", vm => Ready(vm), "the VM is Ready");

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
    }

    internal static bool Ready(CloudPeVM vm) =>
        vm.Status.Conditions.Any(c => c.Type == ConditionTypes.Ready && c.Status == ConditionStatus.True)
        && vm.Status.ObservedGeneration == vm.Metadata.Generation;
}
