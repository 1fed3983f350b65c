using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>Emulator behaviour seen through KubernetesClient: concurrency, watch resume, garbage collection, namespaces, dry run.</summary>
public sealed class EmulatorApiTests(EmulatorTarget target) : IClassFixture<EmulatorTarget>
{
    private const string Group = "fidelity.cloudpe.test";

    private KubeEmulatorHost Host => target.Host;

    private static async Task<string> NewNamespaceAsync(Kubernetes client)
    {
        var ns = "api-" + Guid.NewGuid().ToString("N")[..8];
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: TestContext.Current.CancellationToken);
        return ns;
    }

    private static async Task EnsureCrdAsync(Kubernetes client)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(FidelityManifests.Crd);
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: TestContext.Current.CancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by another test of the class.
        }
    }

    private static JsonObject Widget(string name, int size) => new()
    {
        ["apiVersion"] = $"{Group}/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    [Fact]
    public async Task Stale_replace_through_the_client_gets_409_and_fresh_replace_bumps_generation()
    {
        using var client = ClientFactory.Create(Host);
        await EnsureCrdAsync(client);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        var created = JsonSerializer.SerializeToNode(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget("w1", 2), Group, "v1", ns, "widgets", cancellationToken: ct))!;
        var staleRv = (string)created["metadata"]!["resourceVersion"]!;
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"size":3}}""", V1Patch.PatchType.MergePatch), Group, "v1", ns, "widgets", "w1", cancellationToken: ct);

        var stale = Widget("w1", 9);
        stale["metadata"]!["resourceVersion"] = staleRv;
        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.ReplaceNamespacedCustomObjectAsync(stale, Group, "v1", ns, "widgets", "w1", cancellationToken: ct));
        Assert.Equal(HttpStatusCode.Conflict, ex.Response.StatusCode);
        Assert.Contains("the object has been modified", ex.Response.Content, StringComparison.Ordinal);

        var fresh = Widget("w1", 9);
        var replaced = JsonSerializer.SerializeToNode(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(fresh, Group, "v1", ns, "widgets", "w1", cancellationToken: ct))!;
        Assert.Equal(3, (int)replaced["metadata"]!["generation"]!);
        Assert.Equal(9, (int)replaced["spec"]!["size"]!);
    }

    [Fact]
    public async Task Watch_from_a_compacted_resource_version_gets_410_and_a_relist_resumes()
    {
        using var client = ClientFactory.Create(Host);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct);
        var oldRv = list.Metadata.ResourceVersion;
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c1" } }, ns, cancellationToken: ct);
        Host.Admin.CompactHistory();

        Exception? error = null;
        try
        {
            await foreach (var (type, _) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: oldRv, onError: e => error = e, cancellationToken: ct))
            {
                Assert.Fail($"unexpected {type} event from a forgotten resource version");
            }
        }
        catch (KubernetesException ex)
        {
            error = ex;
        }

        var status = Assert.IsType<KubernetesException>(error).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);

        var relist = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct);
        Assert.Single(relist.Items);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        var watch = client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: relist.Metadata.ResourceVersion, cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync();
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c2" } }, ns, cancellationToken: ct);
        Assert.True(await next);
        Assert.Equal(WatchEventType.Added, watch.Current.Item1);
        Assert.Equal("c2", watch.Current.Item2.Metadata.Name);
        await cts.CancelAsync();
        await watch.DisposeAsync();
    }

    [Fact]
    public async Task Closing_all_watches_ends_the_stream()
    {
        using var client = ClientFactory.Create(Host);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        var rv = (await client.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: ct)).Metadata.ResourceVersion;
        var events = client.CoreV1.WatchListNamespacedSecretAsync(ns, resourceVersion: rv, cancellationToken: ct).GetAsyncEnumerator(ct);
        var first = events.MoveNextAsync();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" } }, ns, cancellationToken: ct);
        Assert.True(await first);
        Assert.Equal("s1", events.Current.Item2.Metadata.Name);

        var end = events.MoveNextAsync().AsTask();
        Host.Admin.CloseAllWatches();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(end.IsCompleted)));
        Assert.False(await end);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_objects_after_their_finalizers()
    {
        using var client = ClientFactory.Create(Host);
        await EnsureCrdAsync(client);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        var held = Widget("held", 1);
        held["metadata"]!["finalizers"] = new JsonArray("fidelity.cloudpe.test/hold");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(held, Group, "v1", ns, "widgets", cancellationToken: ct);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" } }, ns, cancellationToken: ct);

        await client.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: ct);
        Assert.True(await Eventually.TrueAsync(async () => (await client.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: ct)).Items.Count == 0));
        var terminating = await client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: ct);
        Assert.Equal("Terminating", terminating.Status.Phase);
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late" } }, ns, cancellationToken: ct));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);

        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), Group, "v1", ns, "widgets", "held", cancellationToken: ct);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var all = await client.CoreV1.ListNamespaceAsync(cancellationToken: ct);
            return all.Items.All(n => n.Metadata.Name != ns);
        }));
    }

    [Fact]
    public async Task Dry_run_create_validates_but_stores_nothing_and_missing_namespace_is_404()
    {
        using var client = ClientFactory.Create(Host);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        var dry = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dry" } }, ns, dryRun: "All", cancellationToken: ct);
        Assert.NotNull(dry.Metadata.Uid);
        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct)).Items);

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "no-such-namespace", cancellationToken: ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("namespaces \\\"no-such-namespace\\\" not found", missing.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_written_as_events_k8s_io_are_listed_as_core_events()
    {
        using var client = ClientFactory.Create(Host);
        var ns = await NewNamespaceAsync(client);
        var ct = TestContext.Current.CancellationToken;
        await client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "vm1.1" },
            EventTime = DateTime.UtcNow,
            Regarding = new V1ObjectReference { Kind = "CloudPeVm", Name = "vm1", NamespaceProperty = ns },
            Reason = "Created",
            Note = "server created",
            Type = "Normal",
            Action = "Create",
            ReportingController = "cloudpe.io/operator",
            ReportingInstance = "operator-0",
        }, ns, cancellationToken: ct);
        var core = Assert.Single((await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: ct)).Items);
        Assert.Equal("server created", core.Message);
        Assert.Equal("vm1", core.InvolvedObject.Name);
    }

    [Fact]
    public async Task Bookmarks_follow_the_configured_clock()
    {
        // The fake clock starts in 2000: TLS must still work because certificates follow the real clock.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var host = await KubeEmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = time, BookmarkInterval = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        using var client = ClientFactory.Create(host);
        var ct = TestContext.Current.CancellationToken;
        var rv = (await client.CoreV1.ListNamespacedSecretAsync("default", cancellationToken: ct)).Metadata.ResourceVersion;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        var events = client.CoreV1.WatchListNamespacedSecretAsync("default", allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync().AsTask();
        Assert.True(await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return Task.FromResult(next.IsCompleted);
        }));
        Assert.True(await next);
        Assert.Equal(WatchEventType.Bookmark, events.Current.Item1);
        await cts.CancelAsync();
        await events.DisposeAsync();
    }
}
