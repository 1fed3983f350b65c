using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class NetworkVolumeImageTests
{
    [Fact]
    public async Task Port_on_a_dual_stack_network_asked_for_IPv4_also_gets_the_SLAAC_address()
    {
        await using var cloud = await TestCloud.StartAsync();
        var network = await cloud.IdByNameAsync("network/v2.0/networks", "networks", "public-net");
        var subnets = (await cloud.GetAsync($"network/v2.0/subnets?network_id={network}"))["subnets"]!.AsArray();
        var v4 = subnets.Single(s => s!["ip_version"]!.GetValue<int>() == 4)!["id"]!.GetValue<string>();
        Assert.Equal("slaac", subnets.Single(s => s!["ip_version"]!.GetValue<int>() == 6)!["ipv6_address_mode"]!.GetValue<string>());

        var (status, body) = await cloud.CallAsync(HttpMethod.Post, "network/v2.0/ports", new JsonObject
        {
            ["port"] = new JsonObject { ["network_id"] = network, ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = v4 }) },
        }, version: null);
        Assert.Equal(HttpStatusCode.Created, status);
        var port = body!["port"]!;
        Assert.Equal(2, port["fixed_ips"]!.AsArray().Count);
        Assert.Equal("DOWN", port["status"]!.GetValue<string>());

        var id = port["id"]!.GetValue<string>();
        using (await cloud.SendAsync(HttpMethod.Put, $"network/v2.0/ports/{id}/tags/cloudpe-uid-1", version: null))
        {
        }

        var tagged = (await cloud.GetAsync("network/v2.0/ports?tags=cloudpe-uid-1", null))["ports"]!.AsArray();
        Assert.Equal(id, Assert.Single(tagged)!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await cloud.CallAsync(HttpMethod.Delete, $"network/v2.0/ports/{id}", version: null)).Status);
        var (gone, error) = await cloud.CallAsync(HttpMethod.Delete, $"network/v2.0/ports/{id}", version: null);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("PortNotFound", error!["NeutronError"]!["type"]!.GetValue<string>());

        var (badFilter, badBody) = await cloud.CallAsync(HttpMethod.Get, "network/v2.0/networks?colour=red", version: null);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter);
        Assert.NotNull(badBody!["NeutronError"]);
    }

    [Fact]
    public async Task Seeded_networks_and_security_groups_are_listed()
    {
        await using var cloud = await TestCloud.StartAsync();
        var networks = (await cloud.GetAsync("network/v2.0/networks", null))["networks"]!.AsArray();
        Assert.Equal(new[] { "private-v4", "private-v6", "public-net" }, networks.Select(n => n!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(networks.Single(n => n!["name"]!.GetValue<string>() == "public-net")!["router:external"]!.GetValue<bool>());
        var groups = (await cloud.GetAsync($"network/v2.0/security-groups?project_id={cloud.Host.ProjectId}", null))["security_groups"]!.AsArray();
        Assert.Equal(new[] { "default", "ssh-only", "web" }, groups.Select(g => g!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var types = (await cloud.GetAsync(cloud.VolumePath + "/types", null))["volume_types"]!.AsArray();
        Assert.Equal(new[] { "General Purpose", "High IOPS" }, types.Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Extending_an_in_use_volume_needs_3_42_a_larger_size_and_passes_through_extending()
    {
        await using var cloud = await TestCloud.StartAsync(new SimulatorLatencies { VolumeExtend = TimeSpan.FromSeconds(3) });
        await cloud.CreateActiveServerAsync();
        var volumeId = Assert.Single(cloud.Host.Admin.Snapshot().Volumes).Id;
        var path = $"{cloud.VolumePath}/volumes/{volumeId}";
        JsonObject Extend(int size) => new() { ["os-extend"] = new JsonObject { ["new_size"] = size } };

        cloud.Host.Admin.AddFault(new FaultRule { Route = "volume POST /volumes/{id}/action", Status = 503, Times = 1 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await cloud.CallAsync(HttpMethod.Post, path + "/action", Extend(30), version: "volume 3.42")).Status);
        Assert.Equal(20, Assert.Single(cloud.Host.Admin.Snapshot().Volumes).Size);

        var (old, oldBody) = await cloud.CallAsync(HttpMethod.Post, path + "/action", Extend(30), version: null);
        Assert.Equal(HttpStatusCode.BadRequest, old);
        Assert.NotNull(oldBody!["badRequest"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await cloud.CallAsync(HttpMethod.Post, path + "/action", Extend(20), version: "volume 3.42")).Status);

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.CallAsync(HttpMethod.Post, path + "/action", Extend(30), version: "volume 3.42")).Status);
        Assert.Equal("extending", (await cloud.GetAsync(path, null))["volume"]!["status"]!.GetValue<string>());
        cloud.Clock.Advance(TimeSpan.FromSeconds(3));
        var volume = (await cloud.GetAsync(path, null))["volume"]!;
        Assert.Equal("in-use", volume["status"]!.GetValue<string>());
        Assert.Equal(30, volume["size"]!.GetValue<int>());

        var (delete, deleteBody) = await cloud.CallAsync(HttpMethod.Delete, path, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, delete);
        Assert.Contains("Volume status must be available", deleteBody!["badRequest"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glance_pages_by_25_with_a_relative_next_link_until_every_image_was_seen_once()
    {
        await using var cloud = await TestCloud.StartAsync();
        var seen = new List<string>();
        var path = "image/v2/images";
        var pages = 0;
        while (path is not null)
        {
            var page = await cloud.GetAsync(path, null);
            pages++;
            seen.AddRange(page["images"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            var next = page["next"]?.GetValue<string>();
            Assert.True(next is null || next.StartsWith("/v2/images?", StringComparison.Ordinal));
            path = next is null ? null : "image" + next;
        }

        Assert.Equal(2, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count > 25);
        var windows = (await cloud.GetAsync("image/v2/images?name=Windows%20Server%202022", null))["images"]![0]!;
        Assert.Equal(40, windows["min_disk"]!.GetValue<int>());
        Assert.Equal("public", windows["visibility"]!.GetValue<string>());
    }
}
