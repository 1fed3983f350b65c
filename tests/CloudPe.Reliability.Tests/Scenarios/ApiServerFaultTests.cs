using System.Text.Json.Nodes;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Reliability.Tests.Harness;
using k8s;
using k8s.Models;
using Xunit;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Issue part 3: 409 on status writes, cut watch streams, 410 Gone, and the Lease lost to another instance.</summary>
public sealed class ApiServerFaultTests
{
    [Fact]
    public async Task Status_conflicts_cut_watches_and_gone_history_still_converge_with_one_server_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 3 }, ct);
        var api = world.Api.Admin;
        const int vms = 12;
        for (var i = 1; i <= vms; i++)
        {
            await world.CreateVmAsync($"api-{i}", i % 2 == 0 ? World.Spec() : World.Spec(network: "private-v6", ipMode: IpMode.IPv6));
            if (i % 3 == 0)
            {
                api.FailNextWrites("cloudpevms", "status", 3, 409);
                api.CloseAllWatches();
            }

            if (i % 4 == 0)
            {
                api.CompactHistory();
                api.CloseAllWatches();
            }
        }

        var violations = new List<string>(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));
        api.FailNextWrites("cloudpevms", "status", 5, 409);
        api.FailNextWrites("cloudpevms", null, 2, 409);
        for (var i = 1; i <= vms; i += 2)
        {
            await world.PatchSpecAsync($"api-{i}", new JsonObject { ["powerState"] = "Stopped", ["flavor"] = "c1.medium" });
        }

        api.CompactHistory();
        api.CloseAllWatches();
        violations.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));
        api.FailNextWrites("cloudpevms", null, 3, 409);
        for (var i = 1; i <= vms; i += 3)
        {
            await world.DeleteVmAsync($"api-{i}");
        }

        api.CloseAllWatches();
        violations.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));
        var leaks = await world.ScanForSecretsAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"API faults: {vms} VMs, 3+5 status 409s x several, 2+3 object 409s, watches cut 7 times, history compacted 4 times; POST /servers {world.CloudRequests.Count("compute POST /servers")}");
        Assert.Empty(violations);
        Assert.Empty(leaks);
        Assert.Equal(vms, world.CloudRequests.Count("compute POST /servers"));
    }

    [Fact]
    public async Task With_two_operators_only_the_lease_holder_acts_and_a_lost_lease_stops_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 5 }, ct, startOperator: false);
        var lease = TimeSpan.FromSeconds(3);
        var first = await world.StartOperatorAsync(leaderElection: true, leaseDuration: lease);
        var second = await world.StartOperatorAsync(leaderElection: true, leaseDuration: lease);
        await world.WaitForServerReadyAsync(World.ServerName);
        for (var i = 1; i <= 6; i++)
        {
            await world.CreateVmAsync($"le-{i}", World.Spec());
        }

        var violations = new List<string>(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));
        var holder = await HolderAsync(world);
        Assert.Contains(holder, new[] { first.Identity, second.Identity });

        // Another instance takes the Lease: neither operator may act while it holds it.
        await StealLeaseAsync(world, "intruder");
        var before = world.CloudRequests.Count("compute POST /servers");
        var writesBefore = world.Api.Admin.RequestsByVerbAndResource.GetValueOrDefault("patch cloudpevms/status");
        await world.UntilAsync(() => Task.FromResult(false), lease * 2, TimeSpan.FromMilliseconds(100));
        await world.CreateVmAsync("le-while-stolen", World.Spec());
        await world.UntilAsync(() => Task.FromResult(false), lease * 2, TimeSpan.FromMilliseconds(100));
        var stolenCreates = world.CloudRequests.Count("compute POST /servers") - before;
        var stolen = await world.GetVmAsync("le-while-stolen");

        // The intruder goes away (its Lease expires): one of the two takes over and finishes the work.
        await StealLeaseAsync(world, "");
        violations.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));

        // The leader dies without releasing the Lease: the other takes over after it expires.
        var leaderIdentity = await HolderAsync(world);
        var leader = world.Operators.Single(o => o.Identity == leaderIdentity);
        leader.Crash.Arm("never", 1);
        await world.StopOperatorAsync(leader);
        await world.CreateVmAsync("le-after-failover", World.Spec(network: "private-v6", ipMode: IpMode.IPv6));
        violations.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));
        var finalHolder = await HolderAsync(world);

        TestContext.Current.TestOutputHelper?.WriteLine($"leader election: first holder {holder}, creates while stolen {stolenCreates}, final holder {finalHolder}, POST /servers {world.CloudRequests.Count("compute POST /servers")}, status patches before steal {writesBefore}");
        Assert.Empty(violations);
        Assert.Equal(0, stolenCreates);
        Assert.Null(stolen?.Status?.VmId);
        Assert.NotEqual(leader.Identity, finalHolder);
        Assert.Equal(8, world.CloudRequests.Count("compute POST /servers"));
    }

    private static async Task<string?> HolderAsync(World world)
    {
        var leases = await world.Admin.CoordinationV1.ListNamespacedLeaseAsync(RbacManifests.OperatorNamespace, cancellationToken: world.CancellationToken);
        return leases.Items.SingleOrDefault()?.Spec.HolderIdentity;
    }

    private static async Task StealLeaseAsync(World world, string holder)
    {
        var lease = (await world.Admin.CoordinationV1.ListNamespacedLeaseAsync(RbacManifests.OperatorNamespace, cancellationToken: world.CancellationToken)).Items.Single();
        lease.Spec.HolderIdentity = holder;
        lease.Spec.RenewTime = DateTime.UtcNow;
        lease.Spec.AcquireTime = DateTime.UtcNow;
        lease.Spec.LeaseDurationSeconds = holder.Length == 0 ? 1 : 3600;
        await world.Admin.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, lease.Metadata.NamespaceProperty, cancellationToken: world.CancellationToken);
    }
}
