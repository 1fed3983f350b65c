using CloudPe.CloudSimulator;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmIdempotencyTests
{
    [Fact]
    public async Task A_dropped_create_response_gives_exactly_one_server()
    {
        await using var bed = await VmTestbed.StartAsync();
        bed.Cloud.Admin.AddFault(new FaultRule { Route = "compute POST /servers", DropResponse = true, Times = 1 });
        var vm = await bed.CreateVmAsync("drop", VmTestbed.Spec());

        var ready = await bed.UntilAsync("drop", VmConditionsAssert.Ready, "running");

        var server = Assert.Single(bed.Cloud.Admin.Snapshot().Servers);
        Assert.Equal(server.Id, ready.Status.VmId);
        Assert.Single(bed.ServersOf(vm));
        Assert.Equal(1, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault("compute POST /servers"));
        Assert.Single(bed.Cloud.Admin.Snapshot().Ports);
        var reasons = (await bed.EventsAsync("drop")).Select(e => e.Reason).ToList();
        Assert.Contains("CreateOutcomeUnknown", reasons);
        Assert.Contains("Adopted", reasons);
    }

    [Fact]
    public async Task An_operator_stopped_right_after_nova_accepted_the_create_adopts_on_restart()
    {
        await using var bed = await VmTestbed.StartAsync(new VmTestbedOptions { CloudHandler = () => new InterruptingHandler() });
        var vm = await bed.CreateVmAsync("crash", VmTestbed.Spec());
        await InterruptingHandler.CreateAccepted.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await bed.StopOperatorAsync();
        var stopped = await bed.GetVmAsync("crash");
        Assert.Null(stopped!.Status.VmId); // the answer never arrived: nothing was recorded
        Assert.Single(bed.Cloud.Admin.Snapshot().Servers);

        await bed.StartOperatorAsync();
        var ready = await bed.UntilAsync("crash", VmConditionsAssert.Ready, "running after the restart");

        var server = Assert.Single(bed.Cloud.Admin.Snapshot().Servers);
        Assert.Equal(server.Id, ready.Status.VmId);
        Assert.Single(bed.ServersOf(vm));
        Assert.Single(bed.Cloud.Admin.Snapshot().Ports);
        Assert.Equal(1, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault("compute POST /servers"));
        Assert.Contains(await bed.EventsAsync("crash"), e => e.Reason == "Adopted");
    }
}
