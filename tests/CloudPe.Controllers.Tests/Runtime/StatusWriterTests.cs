using CloudPe.Controllers.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class StatusWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Steady_state_resyncs_make_no_write_to_the_api_server(bool compactCache)
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("steady");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        StatusWriter? writer = null;
        IResourceCache<Widget>? cache = null;
        var writes = 0;
        var reconciler = new ScriptedReconciler(async (request, _, ct) =>
        {
            var widget = cache!.Get(request.Namespace, request.Name);
            if (widget is null)
            {
                return ReconcileResult.Done;
            }

            // A fresh status object every time, with map entries in a different order each time.
            var labels = widget.Metadata.Generation % 2 == 0
                ? new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }
                : new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
            var status = new WidgetStatus { Phase = "Ready", ObservedGeneration = widget.Metadata.Generation, Labels = labels };
            if (await writer!.UpdateStatusAsync(widget, status, ct))
            {
                Interlocked.Increment(ref writes);
            }

            return ReconcileResult.Done;
        });
        await using var harness = new ManagerHarness(cluster, reconciler, o => o.ResyncPeriod = TimeSpan.FromMinutes(1), time: time, compactCache: compactCache);
        writer = harness.Services.GetRequiredService<StatusWriter>();
        cache = harness.Widgets;
        await harness.StartAsync();
        await Eventually.HoldsAsync(
            () => cache.Get(TestCluster.Namespace, "steady")?.Status?.Phase == "Ready" && reconciler.InFlight == 0 && harness.Queue.Depth == 0,
            "the first status reached the cache and the queue is idle");
        Assert.Equal(1, Volatile.Read(ref writes));
        cluster.Api.Admin.ResetCounters();

        for (var i = 1; i <= 100; i++)
        {
            var before = reconciler.Calls.Count;
            time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.HoldsAsync(() => reconciler.Calls.Count > before && reconciler.InFlight == 0, $"resync {i} reconciled");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"API writes over 100 steady resyncs: {cluster.Api.Admin.Writes}");
        Assert.Equal(0, cluster.Api.Admin.Writes);
        Assert.Equal(0, cluster.Requests("patch widgets/status"));
        Assert.Equal(1, writes);
    }

    [Fact]
    public async Task A_changed_status_is_patched_once_and_removed_fields_are_cleared()
    {
        await using var cluster = await TestCluster.StartAsync();
        var created = await cluster.CreateWidgetAsync("w");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        await harness.StartAsync();
        var writer = harness.Services.GetRequiredService<StatusWriter>();

        Assert.True(await writer.UpdateStatusAsync(created, new WidgetStatus { Phase = "Provisioning", Labels = new() { ["x"] = "1" } }, TestContext.Current.CancellationToken));

        // Whether or not the watch has delivered the write yet, the same status again is no write.
        Assert.False(await writer.UpdateStatusAsync(created, new WidgetStatus { Phase = "Provisioning", Labels = new() { ["x"] = "1" } }, TestContext.Current.CancellationToken));
        await Eventually.HoldsAsync(() => harness.Widgets.Get(TestCluster.Namespace, "w")?.Status?.Phase == "Provisioning", "the cache saw the status");
        cluster.Api.Admin.ResetCounters();

        var cached = harness.Widgets.Get(TestCluster.Namespace, "w")!;
        Assert.False(await writer.UpdateStatusAsync(cached, new WidgetStatus { Phase = "Provisioning", Labels = new() { ["x"] = "1" } }, TestContext.Current.CancellationToken));
        Assert.True(await writer.UpdateStatusAsync(cached, new WidgetStatus { Phase = "Running" }, TestContext.Current.CancellationToken));

        Assert.Equal(1, cluster.Api.Admin.Writes);
        var stored = await cluster.Widgets.GetAsync(TestCluster.Namespace, "w", TestContext.Current.CancellationToken);
        Assert.Equal("Running", stored!.Status.Phase);
        Assert.Null(stored.Status.Labels);
    }

    [Fact]
    public async Task A_written_status_is_not_kept_once_the_cache_shows_it()
    {
        const int count = 20;
        await using var cluster = await TestCluster.StartAsync();
        var widgets = new List<Widget>();
        for (var i = 0; i < count; i++)
        {
            widgets.Add(await cluster.CreateWidgetAsync($"w{i}"));
        }

        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        await harness.StartAsync();
        var writer = harness.Services.GetRequiredService<StatusWriter>();
        var ct = TestContext.Current.CancellationToken;
        foreach (var widget in widgets)
        {
            Assert.True(await writer.UpdateStatusAsync(widget, new WidgetStatus { Phase = "Provisioning" }, ct));
        }

        await Eventually.HoldsAsync(
            () => widgets.All(w => harness.Widgets.Get(TestCluster.Namespace, w.Metadata.Name)?.Status?.Phase == "Provisioning"),
            "the cache saw every status");

        // Later writes drop the copies of earlier ones the cache has caught up with: memory does not grow with the fleet.
        for (var i = 0; i < 3; i++)
        {
            var cached = harness.Widgets.Get(TestCluster.Namespace, widgets[i].Metadata.Name)!;
            Assert.True(await writer.UpdateStatusAsync(cached, new WidgetStatus { Phase = "Running" }, ct));
        }

        Assert.InRange(writer.PendingCount, 0, 3);
    }
}
