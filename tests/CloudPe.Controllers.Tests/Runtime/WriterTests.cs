using System.Text;
using System.Text.Json.Nodes;
using CloudPe.Controllers.Tests.Cluster;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class WriterTests
{
    private const string Finalizer = "test.cloudpe.io/cleanup";

    [Fact]
    public async Task Finalizers_are_added_and_removed_once_even_after_a_conflict()
    {
        await using var cluster = await TestCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("f");
        cluster.Api.Admin.ResetCounters();
        cluster.Api.Admin.FailNextWrites("widgets", null, 1, 409);

        var added = await cluster.Widgets.EnsureFinalizerAsync(widget, Finalizer, TestContext.Current.CancellationToken);
        Assert.Contains(Finalizer, added.Metadata.Finalizers);
        var writes = cluster.Api.Admin.Writes;
        Assert.Equal(1, writes);

        await cluster.Widgets.EnsureFinalizerAsync(added, Finalizer, TestContext.Current.CancellationToken);
        Assert.Equal(writes, cluster.Api.Admin.Writes);

        var removed = await cluster.Widgets.RemoveFinalizerAsync(added, Finalizer, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Finalizer, removed.Metadata.Finalizers ?? []);
        var stored = await cluster.Widgets.GetAsync(TestCluster.Namespace, "f", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Finalizer, stored!.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task A_stale_object_gets_its_finalizer_removed_after_rereading()
    {
        await using var cluster = await TestCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("stale");
        var withFinalizer = await cluster.Widgets.EnsureFinalizerAsync(widget, Finalizer, TestContext.Current.CancellationToken);
        await cluster.Widgets.MergePatchAsync(TestCluster.Namespace, "stale", JsonNode.Parse("""{"spec":{"size":5}}""")!, TestContext.Current.CancellationToken);

        await cluster.Widgets.RemoveFinalizerAsync(withFinalizer, Finalizer, TestContext.Current.CancellationToken);

        var stored = await cluster.Widgets.GetAsync(TestCluster.Namespace, "stale", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Finalizer, stored!.Metadata.Finalizers ?? []);
        Assert.Equal(5, stored.Spec.Size);
    }

    [Fact]
    public async Task A_change_to_an_owned_secret_reconciles_its_owner_and_an_unchanged_secret_is_not_rewritten()
    {
        await using var cluster = await TestCluster.StartAsync();
        var owner = await cluster.CreateWidgetAsync("owner");
        var secrets = new ResourceClient<V1Secret>(cluster.Client);
        var reconciler = new ScriptedReconciler();
        await using var harness = new ManagerHarness(cluster, reconciler, wire: b => b.Owns<V1Secret>());
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => reconciler.CallsFor("owner") == 1, "the owner was reconciled");

        V1Secret Desired() => new() { Metadata = new V1ObjectMeta { Name = "owner-credentials" }, StringData = new Dictionary<string, string> { ["password"] = "x" } };
        await secrets.CreateOrUpdateOwnedAsync(owner, Desired(), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => reconciler.CallsFor("owner") == 2, "creating the owned Secret reconciled the owner");

        cluster.Api.Admin.ResetCounters();
        await secrets.CreateOrUpdateOwnedAsync(owner, Desired(), TestContext.Current.CancellationToken);
        Assert.Equal(0, cluster.Api.Admin.Writes);

        await cluster.Client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("""{"data":{"password":"eQ=="}}""", V1Patch.PatchType.MergePatch), "owner-credentials", TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => reconciler.CallsFor("owner") == 3, "changing the owned Secret reconciled the owner");

        var restored = await secrets.CreateOrUpdateOwnedAsync(owner, Desired(), TestContext.Current.CancellationToken);
        Assert.Equal("x", Encoding.UTF8.GetString(restored.Data["password"]));
        var reference = Assert.Single(restored.Metadata.OwnerReferences);
        Assert.True(reference.Controller);
        Assert.Equal(owner.Metadata.Uid, reference.Uid);
    }

    [Fact]
    public async Task A_referenced_secret_change_reconciles_every_object_that_refers_to_it()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("a", secretName: "shared");
        await cluster.CreateWidgetAsync("b", secretName: "shared");
        await cluster.CreateWidgetAsync("c", secretName: "elsewhere");
        var reconciler = new ScriptedReconciler();
        IResourceCache<Widget>? widgets = null;
        await using var harness = new ManagerHarness(cluster, reconciler, wire: b => b
            .WithIndex("secret", w => w.Spec.SecretName is { } s ? [s] : [])
            .Watches<V1Secret>(secret => widgets!.ListByIndex("secret", secret.Metadata.Name)
                .Where(w => w.Metadata.NamespaceProperty == secret.Metadata.NamespaceProperty)
                .Select(w => new ReconcileRequest(w.Metadata.NamespaceProperty, w.Metadata.Name))));
        widgets = harness.Widgets;
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => reconciler.Calls.Count == 3 && reconciler.InFlight == 0, "the first reconciles ran");

        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "shared" }, StringData = new Dictionary<string, string> { ["k"] = "v" } }, TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => reconciler.CallsFor("a") == 2 && reconciler.CallsFor("b") == 2, "both referrers were reconciled");
        Assert.Equal(1, reconciler.CallsFor("c"));
    }

    [Fact]
    public async Task Repeated_events_are_aggregated_into_one_with_a_count()
    {
        await using var cluster = await TestCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("noisy");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        var recorder = harness.Services.GetRequiredService<EventRecorder>();

        for (var i = 0; i < 3; i++)
        {
            await recorder.WarningAsync(widget, "FlavorNotFound", "flavor c9.huge does not exist", TestContext.Current.CancellationToken);
        }

        await recorder.NormalAsync(widget, "Created", "server created", TestContext.Current.CancellationToken);

        var events = await cluster.Client.CoreV1.ListNamespacedEventAsync(TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        var mine = events.Items.Where(e => e.InvolvedObject.Name == "noisy").ToList();
        Assert.Equal(2, mine.Count);
        var warning = Assert.Single(mine, e => e.Reason == "FlavorNotFound");
        Assert.Equal(3, warning.Count);
        Assert.Equal("Warning", warning.Type);
        Assert.Equal("Widget", warning.InvolvedObject.Kind);
        Assert.Equal(widget.Metadata.Uid, warning.InvolvedObject.Uid);
        Assert.Equal(1, Assert.Single(mine, e => e.Reason == "Created").Count);
    }

    [Fact]
    public async Task A_failing_event_write_never_throws_into_the_caller()
    {
        await using var cluster = await TestCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("quiet");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        var recorder = harness.Services.GetRequiredService<EventRecorder>();
        cluster.Api.Admin.FailNextWrites("events", null, 1, 500);

        await recorder.WarningAsync(widget, "Broken", "first try fails", TestContext.Current.CancellationToken);

        var events = await cluster.Client.CoreV1.ListNamespacedEventAsync(TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(events.Items, e => e.InvolvedObject.Name == "quiet");
    }
}
