using System.Text.Json.Nodes;
using CloudPe.Controllers.Tests.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class ReconcileLoopTests
{
    [Fact]
    public async Task One_key_is_never_reconciled_twice_at_once_and_changes_meanwhile_collapse_into_one_more_reconcile()
    {
        await using var cluster = await TestCluster.StartAsync();
        string[] names = ["w0", "w1", "w2", "w3"];
        foreach (var name in names)
        {
            await cluster.CreateWidgetAsync(name);
        }

        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ScriptedReconciler? reconciler = null;
        reconciler = new ScriptedReconciler(async (_, attempt, ct) =>
        {
            if (attempt == 1)
            {
                if (reconciler!.InFlight == names.Length)
                {
                    allInFlight.TrySetResult();
                }

                await release.Task.WaitAsync(ct);
            }

            return ReconcileResult.Done;
        });
        await using var harness = new ManagerHarness(cluster, reconciler, o => o.MaxConcurrentReconciles = 8);
        await harness.StartAsync();
        await allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Three changes to every object while its first reconcile is still running.
        foreach (var name in names)
        {
            for (var i = 0; i < 3; i++)
            {
                await cluster.Widgets.MergePatchAsync(TestCluster.Namespace, name, new JsonObject { ["spec"] = new JsonObject { ["size"] = i + 10 } }, TestContext.Current.CancellationToken);
            }
        }

        await Eventually.HoldsAsync(() => names.All(n => harness.Widgets.Get(TestCluster.Namespace, n)?.Spec.Size == 12), "the cache saw every change");
        Assert.All(names, n => Assert.Equal(1, reconciler.CallsFor(n)));

        release.SetResult();
        await Eventually.HoldsAsync(
            () => names.All(n => reconciler.CallsFor(n) >= 2) && reconciler.InFlight == 0 && harness.Queue.Depth == 0,
            "every object was reconciled again and the queue drained");

        Assert.Equal(1, reconciler.MaxInFlightPerKey);
        Assert.Equal(names.Length, reconciler.MaxInFlight);
        Assert.All(names, n => Assert.Equal(2, reconciler.CallsFor(n)));
    }

    [Fact]
    public async Task Failures_are_retried_with_growing_back_off_until_success()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("flaky");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            attempt <= 5 ? throw new InvalidOperationException("cloud unavailable") : Task.FromResult(ReconcileResult.Done));
        await using var harness = new ManagerHarness(
            cluster,
            reconciler,
            o =>
            {
                o.BackoffBase = TimeSpan.FromMilliseconds(20);
                o.BackoffMax = TimeSpan.FromMilliseconds(200);
            },
            time: time);
        await harness.StartAsync();

        int[] expected = [20, 40, 80, 160, 200];
        for (var i = 0; i < expected.Length; i++)
        {
            var attempts = i + 1;
            await Eventually.HoldsAsync(() => reconciler.CallsFor("flaky") == attempts && harness.Queue.DelayedCount == 1, $"attempt {attempts} failed and was scheduled");
            time.Advance(TimeSpan.FromMilliseconds(expected[i] - 1));
            Assert.Equal(1, harness.Queue.DelayedCount);
            Assert.Equal(attempts, reconciler.CallsFor("flaky"));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Eventually.HoldsAsync(() => reconciler.CallsFor("flaky") == 6 && reconciler.InFlight == 0, "the sixth attempt succeeded");
        Assert.Equal(0, harness.Queue.Failures(new ReconcileRequest(TestCluster.Namespace, "flaky")));
        Assert.Equal(0, harness.Queue.DelayedCount);
    }

    [Fact]
    public async Task A_terminal_error_is_not_retried_until_the_object_changes()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("bad");
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            attempt == 1 ? throw new TerminalReconcileException("spec.size is invalid") : Task.FromResult(ReconcileResult.Done));
        await using var harness = new ManagerHarness(cluster, reconciler, o => o.BackoffBase = TimeSpan.FromMilliseconds(1));
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => reconciler.CallsFor("bad") == 1 && reconciler.InFlight == 0, "the first reconcile finished");

        Assert.Equal(0, harness.Queue.DelayedCount);
        Assert.Equal(0, harness.Queue.Depth);

        await cluster.Widgets.MergePatchAsync(TestCluster.Namespace, "bad", JsonNode.Parse("""{"spec":{"size":2}}""")!, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => reconciler.CallsFor("bad") == 2, "the change triggered a reconcile");
    }

    [Fact]
    public async Task RequeueAfter_reconciles_again_when_the_clock_reaches_the_delay()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("polling");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reconciler = new ScriptedReconciler((_, attempt, _) =>
            Task.FromResult(attempt < 3 ? ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)) : ReconcileResult.Done));
        await using var harness = new ManagerHarness(cluster, reconciler, time: time);
        await harness.StartAsync();

        for (var expected = 1; expected <= 2; expected++)
        {
            var calls = expected;
            await Eventually.HoldsAsync(() => reconciler.CallsFor("polling") == calls && harness.Queue.DelayedCount == 1, $"reconcile {calls} asked for a requeue");
            time.Advance(TimeSpan.FromSeconds(29));
            Assert.Equal(1, harness.Queue.DelayedCount);
            Assert.Equal(calls, reconciler.CallsFor("polling"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await Eventually.HoldsAsync(() => reconciler.CallsFor("polling") == 3 && reconciler.InFlight == 0, "the third reconcile finished");
        Assert.Equal(0, harness.Queue.DelayedCount);
    }

    [Fact]
    public async Task Shutdown_lets_an_in_flight_reconcile_finish_within_the_grace_period()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("busy");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcome = "";
        var reconciler = new ScriptedReconciler(async (_, _, ct) =>
        {
            started.TrySetResult();
            try
            {
                await finish.Task.WaitAsync(ct);
                outcome = "finished";
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
                throw;
            }

            return ReconcileResult.Done;
        });
        await using var harness = new ManagerHarness(cluster, reconciler, manager: o => o.ShutdownGracePeriod = TimeSpan.FromSeconds(10));
        await harness.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var stopping = harness.StopAsync();
        Assert.False(stopping.IsCompleted);
        finish.SetResult();
        await stopping;

        Assert.Equal("finished", outcome);
    }

    [Fact]
    public async Task Shutdown_cancels_a_reconcile_that_outlives_the_grace_period()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("stuck");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        var reconciler = new ScriptedReconciler(async (_, _, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return ReconcileResult.Done;
        });
        await using var harness = new ManagerHarness(cluster, reconciler, manager: o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(100));
        await harness.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await harness.StopAsync();

        Assert.True(cancelled);
    }
}
