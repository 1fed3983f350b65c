using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Status_fault_hits_the_given_number_of_times_in_the_service_envelope()
    {
        await using var cloud = await TestCloud.StartAsync();
        cloud.Host.Admin.AddFault(new FaultRule { Route = "compute GET /servers/detail", Status = 503, RetryAfterSeconds = 2, Times = 1 });

        using var first = await cloud.SendAsync(HttpMethod.Get, "compute/v2.1/servers/detail");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        var body = JsonNode.Parse(await first.Content.ReadAsStringAsync(TestCloud.Ct))!;
        Assert.Equal(503, body.AsObject().Single().Value!["code"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await cloud.CallAsync(HttpMethod.Get, "compute/v2.1/servers/detail")).Status);
        Assert.Equal(2, cloud.Host.Admin.Counters.ByRoute["compute GET /servers/detail"]);
    }

    [Fact]
    public async Task Rate_limit_fault_sends_Retry_After_and_overLimit_and_neutron_gets_its_own_envelope()
    {
        await using var cloud = await TestCloud.StartAsync();
        cloud.Host.Admin.AddFault(new FaultRule { Route = "compute *", Status = 429, Times = 1 });
        cloud.Host.Admin.AddFault(new FaultRule { Route = "network *", Status = 500, Times = 1 });

        using var limited = await cloud.SendAsync(HttpMethod.Get, "compute/v2.1/flavors/detail");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.NotNull(JsonNode.Parse(await limited.Content.ReadAsStringAsync(TestCloud.Ct))!["overLimit"]);

        var (status, body) = await cloud.CallAsync(HttpMethod.Get, "network/v2.0/ports");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.NotNull(body!["NeutronError"]!["type"]);
        Assert.Equal(HttpStatusCode.OK, (await cloud.CallAsync(HttpMethod.Get, "network/v2.0/ports")).Status);
    }

    [Fact]
    public async Task Dropped_response_still_creates_the_server()
    {
        await using var cloud = await TestCloud.StartAsync();
        cloud.Host.Admin.AddFault(new FaultRule { Route = "compute POST /servers", DropResponse = true, Times = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => cloud.CreateServerAsync());

        var server = Assert.Single(cloud.Host.Admin.Snapshot().Servers);
        Assert.Equal("uid-vm-1", server.Metadata["cloudpe_uid"]);
        var listed = (await cloud.GetAsync("compute/v2.1/servers/detail"))["servers"]!.AsArray();
        Assert.Equal(server.Id, Assert.Single(listed)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_route_keys_carry_the_action_name_and_http_admin_api_works()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();
        using var add = await cloud.Http.PostAsync("_sim/faults", new StringContent(
            """{"route":"compute POST /servers/{id}/action:os-stop","status":409,"times":1}""", Encoding.UTF8, "application/json"), TestCloud.Ct);
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await add.Content.ReadAsStringAsync(TestCloud.Ct))!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "SOFT" } })).Status);
        Assert.Equal("ACTIVE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
        var (stop, _) = await cloud.ActionAsync(id, new JsonObject { ["os-stop"] = null });
        Assert.Equal(HttpStatusCode.Conflict, stop);
        Assert.Equal("ACTIVE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());

        var counters = JsonNode.Parse(await cloud.Http.GetStringAsync("_sim/counters", TestCloud.Ct))!;
        Assert.Equal(1, counters["routes"]!["compute POST /servers/{id}/action:os-stop"]!.GetValue<long>());
        Assert.Equal(1, counters["routes"]!["compute POST /servers/{id}/action:reboot"]!.GetValue<long>());
        Assert.Equal(cloud.Host.Admin.Counters.Total, counters["total"]!.GetValue<long>());

        using var reset = await cloud.Http.DeleteAsync("_sim/counters", TestCloud.Ct);
        Assert.Equal(0, cloud.Host.Admin.Counters.Total);
    }

    [Fact]
    public async Task Probability_draws_are_seeded_and_partial()
    {
        await using var cloud = await TestCloud.StartAsync();
        cloud.Host.Admin.AddFault(new FaultRule { Route = "image GET /v2/images", Status = 503, Probability = 0.5 });
        var failures = 0;
        for (var i = 0; i < 40; i++)
        {
            if ((await cloud.CallAsync(HttpMethod.Get, "image/v2/images?limit=1")).Status == HttpStatusCode.ServiceUnavailable)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 5, 35);
        cloud.Host.Admin.ClearFaults();
        Assert.Equal(HttpStatusCode.OK, (await cloud.CallAsync(HttpMethod.Get, "image/v2/images?limit=1")).Status);
    }
}
