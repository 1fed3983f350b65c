using k8s;
using System.Diagnostics;
using k8s.Models;
using CloudPe.Controllers.Tests.Cluster;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class LeaderElectionTests
{
    private static Action<ControllerManagerOptions> Elect(string identity) => o =>
    {
        o.LeaderElection.Enabled = true;
        o.LeaderElection.Identity = identity;
        o.LeaderElection.LeaseName = "widgets-leader";
        o.LeaderElection.LeaseDuration = TimeSpan.FromSeconds(15);
        o.LeaderElection.RenewDeadline = TimeSpan.FromSeconds(10);
        o.LeaderElection.RetryPeriod = TimeSpan.FromMilliseconds(200);
        o.ShutdownGracePeriod = TimeSpan.FromSeconds(2);
    };

    [Fact]
    public async Task Only_the_leader_reconciles_and_a_released_lease_is_taken_over_long_before_it_expires()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("w");
        var first = new ScriptedReconciler();
        var second = new ScriptedReconciler();
        await using var a = new ManagerHarness(cluster, first, manager: Elect("a"));
        await a.StartAsync();
        await Eventually.HoldsAsync(() => a.Manager.IsLeader && first.CallsFor("w") == 1, "a leads and reconciles");

        await using var b = new ManagerHarness(cluster, second, manager: Elect("b"));
        await b.StartAsync();
        await cluster.CreateWidgetAsync("x");
        await Eventually.HoldsAsync(() => first.CallsFor("x") == 1, "the leader reconciles the new object");
        Assert.False(b.Manager.IsLeader);
        Assert.Empty(second.Calls);

        var handover = Stopwatch.StartNew();
        await a.StopAsync();
        await Eventually.HoldsAsync(() => b.Manager.IsLeader, "b takes over", TimeSpan.FromSeconds(10));
        handover.Stop();
        await Eventually.HoldsAsync(() => second.CallsFor("w") == 1 && second.CallsFor("x") == 1, "the new leader reconciles everything");

        // Far below the 15 s lease: the stopped leader cleared the holder instead of letting it expire.
        Assert.True(handover.Elapsed < TimeSpan.FromSeconds(3), $"hand-over took {handover.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine($"leader hand-over after release: {handover.Elapsed.TotalMilliseconds:F0} ms");
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("widgets-leader", "default", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("b", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Losing_the_lease_cancels_in_flight_reconciles_and_stops_the_workers()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("long");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new ScriptedReconciler(async (_, _, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return ReconcileResult.Done;
        });
        await using var a = new ManagerHarness(cluster, reconciler, manager: o =>
        {
            Elect("a")(o);
            o.LeaderElection.LeaseDuration = TimeSpan.FromSeconds(2);
            o.LeaderElection.RenewDeadline = TimeSpan.FromSeconds(1);
        });
        await a.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Another holder takes the Lease (as after a network partition): renewals fail from now on.
        var takeover = new System.Text.Json.Nodes.JsonObject
        {
            ["spec"] = new System.Text.Json.Nodes.JsonObject
            {
                ["holderIdentity"] = "intruder",
                ["leaseDurationSeconds"] = 60,
                ["renewTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            },
        }.ToJsonString();
        await cluster.Client.CoordinationV1.PatchNamespacedLeaseAsync(
            new V1Patch(takeover, V1Patch.PatchType.MergePatch), "widgets-leader", "default", cancellationToken: TestContext.Current.CancellationToken);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => !a.Manager.IsLeader, "the workers stopped");
        Assert.Equal(1, reconciler.CallsFor("long"));
    }
}
