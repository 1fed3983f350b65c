using System.Diagnostics.Metrics;
using CloudPe.CloudSimulator;
using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

/// <summary>
/// The fleet-scale claim: per CloudPeServer and resync, one paged server list instead of a GET per VM, and no write
/// to the API server for VMs whose cloud state did not change. CLOUDPE_FLEET_VMS sets the fleet size (default 1000).
/// </summary>
public sealed class FleetSyncTests
{
    private const int PageSize = 100;

    [Fact]
    public async Task A_steady_fleet_costs_one_paged_list_per_resync_and_no_api_writes()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CLOUDPE_FLEET_VMS"), out var n) && n > 0 ? n : 1000;
        var resync = TimeSpan.FromMinutes(1);
        await using var bed = await VmTestbed.StartAsync(new VmTestbedOptions { Latencies = new SimulatorLatencies(), ResyncInterval = resync, FleetPageSize = PageSize });
        var reconciles = new ReconcileCounter(bed.Services.GetRequiredService<IMeterFactory>(), "cloudpevm");
        var ct = TestContext.Current.CancellationToken;
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new() { Name = "fleet-pw", NamespaceProperty = VmTestbed.Ns }, StringData = new Dictionary<string, string> { ["password"] = "Fleet-Passw0rd!z" } },
            VmTestbed.Ns,
            cancellationToken: ct);
        for (var i = 0; i < count; i++)
        {
            var spec = VmTestbed.Spec(network: "private-v6", ipMode: IpMode.IPv6);
            spec.PasswordSecretRef = new SecretKeyReference { Name = "fleet-pw" };
            await bed.CreateVmAsync($"vm-{i:D4}", spec);
        }

        await bed.EventuallyAsync(async () => await ReadyCountAsync(bed, ct) == count, $"all {count} VMs are Ready", step: TimeSpan.FromSeconds(1), within: TimeSpan.FromMinutes(4));

        // A fresh operator has no snapshot: its first pass lists the whole fleet; later resyncs ask only for changes.
        reconciles.Dispose();
        await bed.StopOperatorAsync();
        bed.Cloud.Admin.ResetCounters();
        bed.Api.Admin.ResetCounters();
        await bed.StartOperatorAsync();
        reconciles = new ReconcileCounter(bed.Services.GetRequiredService<IMeterFactory>(), "cloudpevm");
        var first = await MeasureAsync(bed, reconciles, count, advance: null);
        var steady = await MeasureAsync(bed, reconciles, count, resync);
        reconciles.Dispose();

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{count} VMs, page size {PageSize}: operator start {first.Requests} OpenStack requests ({Routes(first)}), {first.Writes} API writes; steady resync {steady.Requests} OpenStack requests ({Routes(steady)}), {steady.Writes} API writes.");
        var pages = (count + PageSize - 1) / PageSize;
        Assert.InRange(first.ByRoute.GetValueOrDefault("compute GET /servers/detail"), pages, pages + 1);
        Assert.InRange(steady.Requests, 1, pages + 1);
        Assert.All(steady.ByRoute.Keys, route => Assert.Equal("compute GET /servers/detail", route));
        Assert.DoesNotContain(first.ByRoute.Keys, route => route.Contains("{id}", StringComparison.Ordinal));
        Assert.Equal(0, first.Writes);
        Assert.Equal(0, steady.Writes);
        Assert.Equal(count, bed.Cloud.Admin.Snapshot().Servers.Count);
    }

    [Fact]
    public async Task A_steady_resync_lists_no_server_again()
    {
        // Page size 1: every server a changes-since list returns again costs one more page.
        var resync = TimeSpan.FromMinutes(1);
        await using var bed = await VmTestbed.StartAsync(new VmTestbedOptions { Latencies = new SimulatorLatencies(), ResyncInterval = resync, FleetPageSize = 1 });
        var reconciles = new ReconcileCounter(bed.Services.GetRequiredService<IMeterFactory>(), "cloudpevm");
        var ct = TestContext.Current.CancellationToken;
        await bed.CreateVmAsync("steady-a", VmTestbed.Spec());
        await bed.CreateVmAsync("steady-b", VmTestbed.Spec());
        await bed.EventuallyAsync(async () => await ReadyCountAsync(bed, ct) == 2, "both VMs are Ready");

        // The first resync may still see the servers' last changes; the ones after it must not.
        await MeasureAsync(bed, reconciles, 2, resync);
        var second = await MeasureAsync(bed, reconciles, 2, resync);
        var third = await MeasureAsync(bed, reconciles, 2, resync);
        reconciles.Dispose();

        TestContext.Current.TestOutputHelper?.WriteLine($"steady resyncs: {Routes(second)}; {Routes(third)}");
        Assert.Equal(1, second.Requests);
        Assert.Equal(1, third.Requests);
        Assert.Equal(1, third.ByRoute.GetValueOrDefault("compute GET /servers/detail"));
    }

    [Fact]
    public async Task Creating_vms_costs_a_port_a_tag_and_a_server_each_and_building_vms_share_one_list_per_poll_interval()
    {
        const int count = 6;
        await using var bed = await VmTestbed.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        bed.Cloud.Admin.ResetCounters();
        for (var i = 0; i < count; i++)
        {
            await bed.CreateVmAsync($"build-{i}", VmTestbed.Spec());
        }

        await bed.EventuallyAsync(async () => await ReadyCountAsync(bed, ct) == count, $"all {count} VMs are Ready");

        // Each build takes 6 s (3 poll intervals): the shared list follows them (a GET only when a list was busy).
        var routes = bed.Cloud.Admin.Counters.ByRoute;
        TestContext.Current.TestOutputHelper?.WriteLine(Routes(new Measured(0, routes, 0)));
        Assert.InRange(routes.GetValueOrDefault("compute GET /servers/{id}"), 0, count);
        Assert.InRange(routes.GetValueOrDefault("compute GET /servers/detail"), 1, 20);

        // A new VM has nothing in the cloud to look for, its network's subnets are read once for all of them, and the
        // boot volume's size is the one asked at create: a port, its tag and the server are the whole create.
        Assert.Equal(count, routes.GetValueOrDefault("compute POST /servers"));
        Assert.Equal(count, routes.GetValueOrDefault("network POST /v2.0/ports"));
        Assert.Equal(count, routes.GetValueOrDefault("network PUT /v2.0/ports/{id}/tags/{tag}"));
        Assert.Equal(0, routes.GetValueOrDefault("network GET /v2.0/ports"));
        Assert.Equal(1, routes.GetValueOrDefault("network GET /v2.0/subnets"));
        Assert.Equal(0, routes.GetValueOrDefault("volume GET /volumes/{id}"));
    }

    private static async Task<Measured> MeasureAsync(VmTestbed bed, ReconcileCounter reconciles, int count, TimeSpan? advance)
    {
        var target = reconciles.Count + count;
        if (advance is { } resync)
        {
            bed.Cloud.Admin.ResetCounters();
            bed.Api.Admin.ResetCounters();
            bed.Clock.Advance(resync);
        }

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (reconciles.Count < target && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(reconciles.Count >= target, $"only {reconciles.Count - target + count} of {count} VMs were reconciled by the resync");
        var cloud = bed.Cloud.Admin.Counters;
        return new Measured(cloud.Total, cloud.ByRoute, bed.Api.Admin.Writes);
    }

    private static async Task<int> ReadyCountAsync(VmTestbed bed, CancellationToken ct)
    {
        var list = await bed.Client.CustomObjects.ListNamespacedCustomObjectAsync<CloudPeVMList>(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, VmTestbed.Ns, CloudPeVM.KubePluralName, cancellationToken: ct);
        return list.Items.Count(VmConditionsAssert.Ready);
    }

    private static string Routes(Measured m) => string.Join(", ", m.ByRoute.Select(r => $"{r.Key} x{r.Value}"));

    private sealed record Measured(long Requests, IReadOnlyDictionary<string, long> ByRoute, long Writes);
}
