using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Latencies_set_over_http_govern_later_operations_and_state_shows_the_cloud()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var put = await cloud.Http.PutAsync("_sim/latencies",
            new StringContent("""{"buildMs":4000,"resizeMs":2000}""", Encoding.UTF8, "application/json"), TestCloud.Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), cloud.Host.Admin.Latencies.Build);

        var (_, created) = await cloud.CreateServerAsync(tags: new JsonArray("cloudpe"));
        var id = created!["server"]!["id"]!.GetValue<string>();
        var state = JsonNode.Parse(await cloud.Http.GetStringAsync("_sim/state", TestCloud.Ct))!;
        var server = state["servers"]!.AsArray().Single()!;
        Assert.Equal(id, server["id"]!.GetValue<string>());
        Assert.Equal("BUILD", server["status"]!.GetValue<string>());
        Assert.Equal("spawning", server["taskState"]!.GetValue<string>());
        Assert.Equal("cloudpe", server["tags"]![0]!.GetValue<string>());
        Assert.Equal(2, state["ports"]![0]!["fixedIps"]!.AsArray().Count);
        Assert.Equal("in-use", state["volumes"]![0]!["status"]!.GetValue<string>());

        cloud.Clock.Advance(TimeSpan.FromSeconds(4));
        var large = await cloud.IdByNameAsync("compute/v2.1/flavors", "flavors", "c1.large");
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["resize"] = new JsonObject { ["flavorRef"] = large } })).Status);
        cloud.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["revertResize"] = null })).Status);
        Assert.Equal("REVERT_RESIZE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
        cloud.Clock.Advance(TimeSpan.FromSeconds(2));
        var reverted = await cloud.ServerAsync(id);
        Assert.Equal("ACTIVE", reverted["status"]!.GetValue<string>());
        Assert.Equal("c1.small", reverted["flavor"]!["original_name"]!.GetValue<string>());

        using var bad = await cloud.Http.PutAsync("_sim/latencies",
            new StringContent("""{"warp":1}""", Encoding.UTF8, "application/json"), TestCloud.Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Forcing_an_unknown_server_into_error_is_404_and_change_password_needs_ACTIVE()
    {
        await using var cloud = await TestCloud.StartAsync(new SimulatorLatencies { Action = TimeSpan.FromSeconds(1) });
        using var missing = await cloud.Http.PostAsync("_sim/servers/nope/error", null, TestCloud.Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var id = await cloud.CreateActiveServerAsync();
        var password = new JsonObject { ["changePassword"] = new JsonObject { ["adminPass"] = "n3w-Secret!" } };
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, password)).Status);
        await cloud.ActionAsync(id, new JsonObject { ["os-stop"] = null });
        cloud.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, password.DeepClone())).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await cloud.ActionAsync(id, new JsonObject { ["changePassword"] = new JsonObject() })).Status);
    }
}
