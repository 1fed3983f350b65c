using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using Xunit;

namespace CloudPe.Operator.Tests.Servers;

public sealed class ServerReadyTests : IAsyncLifetime
{
    private OperatorEnvironment env = null!;

    public async ValueTask InitializeAsync() => env = await OperatorEnvironment.StartAsync();

    public async ValueTask DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task A_valid_server_becomes_ready_with_endpoints_microversion_and_inventory()
    {
        var ns = await env.CreateNamespaceAsync("ready");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "mumbai");

        var server = await env.WaitForReadyAsync(ns, "mumbai");

        var status = server.Status;
        Assert.Equal(server.Metadata.Generation, status.ObservedGeneration);
        foreach (var type in new[] { ConditionTypes.Ready, ConditionTypes.Authenticated, ConditionTypes.CatalogResolved, ConditionTypes.InventoryReady })
        {
            Assert.Equal(ConditionStatus.True, Conditions.Find(status.Conditions, type)?.Status);
        }

        Assert.Null(Conditions.Find(status.Conditions, StatusConditionTypes.Reconciling));
        Assert.Null(Conditions.Find(status.Conditions, StatusConditionTypes.Stalled));
        Assert.Contains(CloudPeApiGroup.Finalizer, server.Metadata.Finalizers);
        Assert.Equal(env.Cloud.AuthUrl.AbsoluteUri.TrimEnd('/'), status.AuthUrl!.TrimEnd('/'));
        Assert.Equal(env.Cloud.ProjectId, status.ProjectId);
        Assert.StartsWith($"http://{env.Cloud.Endpoint}{env.Cloud.ProjectPath}/compute", status.Endpoints!.Compute, StringComparison.Ordinal);
        Assert.NotNull(status.Endpoints.Network);
        Assert.NotNull(status.Endpoints.VolumeV3);
        Assert.NotNull(status.Endpoints.Image);
        Assert.Equal("2.96", status.ComputeMaxMicroversion);

        var inventory = status.Inventory!;
        Assert.NotEmpty(inventory.Flavors);
        Assert.Equal(inventory.FlavorCount, inventory.Flavors.Count);
        Assert.NotEmpty(inventory.Images);
        Assert.NotEmpty(inventory.Networks);
        Assert.Contains(inventory.Networks, n => n.IpVersions.Contains(4));
        Assert.NotEmpty(inventory.SecurityGroups);
        Assert.NotEmpty(inventory.VolumeTypes);
        Assert.Equal(env.Clock.GetUtcNow().ToUnixTimeSeconds(), inventory.RefreshedAt!.Value.ToUnixTimeSeconds());

        var events = await env.EventsAsync(ns);
        Assert.Contains(events, e => e.Reason == ConditionReasons.Ready && e.Type == "Normal" && e.InvolvedObject.Name == "mumbai");
    }

    [Fact]
    public async Task Inventory_is_refreshed_only_when_older_than_the_interval()
    {
        var ns = await env.CreateNamespaceAsync("refresh");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "refresh", s => s.InventoryRefreshInterval = "2m");
        var first = (await env.WaitForReadyAsync(ns, "refresh")).Status.Inventory!.RefreshedAt;

        var before = env.ServerReconciles.Count;
        env.Clock.Advance(TimeSpan.FromSeconds(90));
        await Poll.UntilAsync(() => env.ServerReconciles.Count > before, "a resync reconcile ran");
        Assert.Equal(first, (await env.GetServerAsync(ns, "refresh")).Status.Inventory!.RefreshedAt);

        env.Clock.Advance(TimeSpan.FromSeconds(31));
        var refreshed = await Poll.UntilAsync(
            () => env.GetServerAsync(ns, "refresh"),
            s => s.Status.Inventory?.RefreshedAt > first,
            "the inventory was refreshed after 2m");
        Assert.Equal(first!.Value.AddSeconds(121).ToUnixTimeSeconds(), refreshed.Status.Inventory!.RefreshedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task One_hundred_steady_resyncs_write_nothing_to_the_api_server()
    {
        var ns = await env.CreateNamespaceAsync("steady");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "steady", s => s.InventoryRefreshInterval = "1h");
        await env.WaitForReadyAsync(ns, "steady");

        // Steady state begins once a whole resync writes nothing: the Ready status and its Event may still
        // be in flight when Ready is first seen. At most a few resyncs may settle it.
        await Poll.UntilAsync(() => env.Api.Admin.Writes > 0, "the first writes happened");
        var writes = env.Api.Admin.Writes;
        for (var settle = 0; settle < 5; settle++)
        {
            await ResyncAsync($"settling resync {settle + 1}");
            if (env.Api.Admin.Writes == writes)
            {
                break;
            }

            writes = env.Api.Admin.Writes;
        }

        var cloudCalls = env.Cloud.Admin.Counters.Total;
        for (var i = 0; i < 100; i++)
        {
            await ResyncAsync($"resync {i + 1}");
        }

        var written = env.Api.Admin.Writes - writes;
        var called = env.Cloud.Admin.Counters.Total - cloudCalls;
        TestContext.Current.SendDiagnosticMessage($"100 steady resyncs: {written} API-server writes, {called} OpenStack requests");
        Assert.Equal(0, written);
        Assert.Equal(0, called);

        async Task ResyncAsync(string what)
        {
            var before = env.ServerReconciles.Count;
            env.Clock.Advance(TimeSpan.FromSeconds(10));
            await Poll.UntilAsync(() => env.ServerReconciles.Count > before, $"{what} reconciled the server");
        }
    }
}
