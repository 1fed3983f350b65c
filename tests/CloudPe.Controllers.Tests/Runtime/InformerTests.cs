using k8s;
using System.Text.Json.Nodes;
using CloudPe.Controllers.Tests.Cluster;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class InformerTests
{
    [Fact]
    public async Task A_cut_watch_resumes_from_the_last_resource_version_without_relisting()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("before");
        var reconciler = new ScriptedReconciler();
        await using var harness = new ManagerHarness(cluster, reconciler);
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => cluster.Requests("watch widgets") == 1, "the informer watches");

        cluster.Api.Admin.CloseAllWatches();
        await Eventually.HoldsAsync(() => cluster.Requests("watch widgets") == 2, "the informer watches again");
        await cluster.CreateWidgetAsync("after");

        await Eventually.HoldsAsync(() => harness.Widgets.Get(TestCluster.Namespace, "after") is not null, "the new object reached the cache");
        await Eventually.HoldsAsync(() => reconciler.CallsFor("after") == 1, "the new object was reconciled");
        Assert.Equal(1, cluster.Requests("list widgets"));
    }

    [Fact]
    public async Task A_410_Gone_relists_and_the_watch_carries_on_from_the_new_list()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("stays");
        await cluster.CreateWidgetAsync("goes");
        var reconciler = new ScriptedReconciler();
        await using var harness = new ManagerHarness(cluster, reconciler);
        await harness.StartAsync();
        Assert.Equal(2, harness.Widgets.List().Count);

        // A write of another type moves the server's resourceVersion past the informer's last Widget event,
        // so after compaction the informer's resourceVersion is too old (as on a real cluster).
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unrelated" } }, TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        cluster.Api.Admin.CompactHistory();
        cluster.Api.Admin.CloseAllWatches();
        await Eventually.HoldsAsync(() => cluster.Requests("list widgets") == 2, "the informer relisted after 410 Gone");
        await cluster.Widgets.DeleteAsync(TestCluster.Namespace, "goes", TestContext.Current.CancellationToken);
        await cluster.CreateWidgetAsync("new");

        await Eventually.HoldsAsync(
            () => harness.Widgets.Get(TestCluster.Namespace, "new") is not null && harness.Widgets.Get(TestCluster.Namespace, "goes") is null,
            "the cache follows the API after the relist");
        Assert.NotNull(harness.Widgets.Get(TestCluster.Namespace, "stays"));
    }

    [Fact]
    public async Task Bookmarks_keep_the_resource_version_fresh_so_a_resume_after_compaction_needs_no_relist()
    {
        await using var cluster = await TestCluster.StartAsync(new KubeEmulator.EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(50) });
        await cluster.CreateWidgetAsync("w");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        await harness.StartAsync();
        var informer = harness.Services.GetRequiredService<InformerRegistry>().Get<Widget>();

        var other = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unrelated" } }, TestCluster.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => informer.ResourceVersionOf(null) == other.Metadata.ResourceVersion, "a bookmark carried the newer resourceVersion");
        cluster.Api.Admin.CompactHistory();
        cluster.Api.Admin.CloseAllWatches();
        await cluster.CreateWidgetAsync("after");

        await Eventually.HoldsAsync(() => harness.Widgets.Get(TestCluster.Namespace, "after") is not null, "the resumed watch delivered the new object");
        Assert.Equal(1, cluster.Requests("list widgets"));
    }

    [Fact]
    public async Task Watch_namespaces_and_label_selector_limit_what_is_cached()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "other" } }, cancellationToken: TestContext.Current.CancellationToken);
        await cluster.Widgets.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "mine", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["shard"] = "a" } } }, TestContext.Current.CancellationToken);
        await cluster.Widgets.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "other-shard", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["shard"] = "b" } } }, TestContext.Current.CancellationToken);
        await cluster.Widgets.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "other-ns", NamespaceProperty = "other", Labels = new Dictionary<string, string> { ["shard"] = "a" } } }, TestContext.Current.CancellationToken);
        var reconciler = new ScriptedReconciler();
        await using var harness = new ManagerHarness(cluster, reconciler, o => o.LabelSelector = "shard=a", o => o.WatchNamespaces.Add("default"));
        await harness.StartAsync();

        Assert.Equal(["mine"], harness.Widgets.List().Select(w => w.Metadata.Name));
        await Eventually.HoldsAsync(() => reconciler.CallsFor("mine") == 1, "the object in scope was reconciled");
        Assert.Equal(0, reconciler.CallsFor("other-shard") + reconciler.CallsFor("other-ns"));
    }

    [Fact]
    public async Task Indexes_answer_lookups_from_the_cache()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("a", secretName: "s1");
        await cluster.CreateWidgetAsync("b", secretName: "s1");
        await cluster.CreateWidgetAsync("c", secretName: "s2");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler(), wire: b => b.WithIndex("secret", w => w.Spec.SecretName is { } s ? [s] : []));
        await harness.StartAsync();

        Assert.Equal(["a", "b"], harness.Widgets.ListByIndex("secret", "s1").Select(w => w.Metadata.Name).Order());
        await cluster.Widgets.MergePatchAsync(TestCluster.Namespace, "c", JsonNode.Parse("""{"spec":{"secretName":"s1"}}""")!, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => harness.Widgets.ListByIndex("secret", "s1").Count == 3, "the index follows the change");
        Assert.Empty(harness.Widgets.ListByIndex("secret", "s2"));
        Assert.Throws<ArgumentException>(() => harness.Widgets.ListByIndex("nope", "x"));
    }
}
