using k8s;
using System.Text;
using System.Text.Json.Nodes;
using CloudPe.Controllers.Tests.Cluster;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class CacheMemoryTests
{
    [Fact]
    public async Task A_cached_Secret_keeps_its_data_labels_and_annotations_but_not_the_kubectl_apply_copy()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "vm-password",
                    Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "cloudpe-operator" },
                    Annotations = new Dictionary<string, string>
                    {
                        [CacheTrim.LastAppliedAnnotation] = """{"apiVersion":"v1","kind":"Secret","data":{"password":"c2VjcmV0"}}""",
                        ["cloudpe.io/password-applied"] = "uid/1",
                    },
                },
                Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("secret") },
            },
            TestCluster.Namespace,
            cancellationToken: ct);
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        await harness.StartAsync();
        var secrets = harness.Services.GetRequiredService<InformerRegistry>().Get<V1Secret>().Store;
        await secrets.WaitForSyncAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

        var cached = secrets.Get(TestCluster.Namespace, "vm-password");

        Assert.NotNull(cached);
        Assert.Equal("secret", Encoding.UTF8.GetString(cached.Data["password"]));
        Assert.Equal("cloudpe-operator", cached.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("uid/1", cached.Metadata.Annotations["cloudpe.io/password-applied"]);
        Assert.False(cached.Metadata.Annotations.ContainsKey(CacheTrim.LastAppliedAnnotation));
        Assert.Null(cached.Metadata.ManagedFields);
    }

    [Fact]
    public async Task Cached_objects_share_one_instance_of_a_repeated_string_and_keep_their_values()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("a", secretName: "shared");
        await cluster.CreateWidgetAsync("b", secretName: "shared");
        await using var harness = new ManagerHarness(cluster, new ScriptedReconciler());
        await harness.StartAsync();

        var a = harness.Widgets.Get(TestCluster.Namespace, "a")!;
        var b = harness.Widgets.Get(TestCluster.Namespace, "b")!;

        Assert.Equal(("a", "b"), (a.Metadata.Name, b.Metadata.Name));
        Assert.Equal("shared", a.Spec.SecretName);
        Assert.Same(a.Metadata.NamespaceProperty, b.Metadata.NamespaceProperty);
        Assert.Same(a.ApiVersion, b.ApiVersion);
        Assert.Same(a.Spec.SecretName, b.Spec.SecretName);
    }

    [Fact]
    public void Trimming_removes_managed_fields_and_the_last_applied_annotation_only()
    {
        var node = JsonNode.Parse("""
            {"metadata":{"name":"x","managedFields":[{"manager":"kubectl","operation":"Apply","fieldsV1":{"f:spec":{}}}],
             "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","keep":"me"}},"spec":{"size":1}}
            """)!;

        CacheTrim.Apply(node);

        Assert.Equal("""{"metadata":{"name":"x","annotations":{"keep":"me"}},"spec":{"size":1}}""", node.ToJsonString());
    }

    [Fact]
    public void A_pool_shares_repeated_values_and_lets_go_once_the_values_do_not_repeat()
    {
        var pool = new StringPool(maxValues: 3);
        var first = pool.Get(new string("Ready".AsSpan()));

        Assert.Same(first, pool.Get(new string("Ready".AsSpan())));
        pool.Get("uid-1");
        pool.Get("uid-2");
        var overflow = new string("uid-3".AsSpan());
        Assert.Same(overflow, pool.Get(overflow));
        Assert.True(pool.IsSaturated);
        var again = new string("Ready".AsSpan());
        Assert.Same(again, pool.Get(again));
    }

    [Fact]
    public void A_compact_store_gives_every_reader_its_own_copy_with_the_stored_values()
    {
        var store = new ResourceStore<V1Secret>();
        store.UseCompactStorage();
        store.AddIndex("by-label", s => [s.Metadata.Labels["cloudpe.io/vm"]]);
        store.Upsert(Secret("a-credentials", "a", "1", "first"));

        var one = store.Get("ns", "a-credentials")!;
        var two = store.Get("ns", "a-credentials")!;

        Assert.NotSame(one, two);
        Assert.Equal("first", Encoding.UTF8.GetString(two.Data["password"]));
        Assert.Equal(("v1", "Secret"), (two.ApiVersion, two.Kind));
        Assert.Equal("1", store.ResourceVersionOf("ns", "a-credentials"));
        Assert.Null(store.ResourceVersionOf("ns", "missing"));
        Assert.Equal([new ReconcileRequest("ns", "a-credentials")], store.ListRequestsByIndex("by-label", "a"));

        // A change handler still gets the object replaced, decoded.
        var replaced = store.Upsert(Secret("a-credentials", "b", "2", "second"));
        Assert.Equal("first", Encoding.UTF8.GetString(replaced!.Data["password"]));
        Assert.Empty(store.ListRequestsByIndex("by-label", "a"));
        Assert.Single(store.ListByIndex("by-label", "b"));
        Assert.Equal("2", store.Remove("ns/a-credentials")!.Metadata.ResourceVersion);
        Assert.Empty(store.List());
    }

    [Fact]
    public void Listing_a_namespace_returns_only_its_objects_not_those_of_a_namespace_it_prefixes()
    {
        var store = new ResourceStore<V1Secret>();
        store.Upsert(Secret("a-credentials", "a", "1", "first"));
        var other = Secret("b-credentials", "b", "2", "second");
        other.Metadata.NamespaceProperty = "ns2";
        store.Upsert(other);

        Assert.Equal(["a-credentials"], store.List("ns").Select(s => s.Metadata.Name));
        Assert.Equal(["ns2/b-credentials"], store.Keys("ns2"));
        Assert.Equal(2, store.List().Count);
    }

    [Fact]
    public void The_storage_of_a_cache_is_chosen_before_it_holds_objects()
    {
        var store = new ResourceStore<V1Secret>();
        store.Upsert(Secret("a-credentials", "a", "1", "first"));

        var error = Assert.Throws<InvalidOperationException>(store.UseCompactStorage);

        Assert.Contains("V1Secret cache already holds objects", error.Message, StringComparison.Ordinal);
    }

    private static V1Secret Secret(string name, string vm, string resourceVersion, string password) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "ns",
                ResourceVersion = resourceVersion,
                Labels = new Dictionary<string, string> { ["cloudpe.io/vm"] = vm },
            },
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes(password) },
        };
}
