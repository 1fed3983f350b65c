using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class ServerLifecycleTests
{
    private static SimulatorLatencies Slow => new()
    {
        Build = TimeSpan.FromSeconds(10),
        Action = TimeSpan.FromSeconds(2),
        Resize = TimeSpan.FromSeconds(5),
        Delete = TimeSpan.FromSeconds(1),
        VolumeExtend = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public async Task Build_stays_BUILD_spawning_until_the_build_latency_has_passed_on_the_clock()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (status, body) = await cloud.CreateServerAsync();
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.False(string.IsNullOrEmpty(body!["server"]!["adminPass"]!.GetValue<string>()));
        var id = body["server"]!["id"]!.GetValue<string>();

        var building = await cloud.ServerAsync(id);
        Assert.Equal("BUILD", building["status"]!.GetValue<string>());
        Assert.Equal("spawning", building["OS-EXT-STS:task_state"]!.GetValue<string>());

        cloud.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("BUILD", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());

        cloud.Clock.Advance(TimeSpan.FromSeconds(1));
        var active = await cloud.ServerAsync(id);
        Assert.Equal("ACTIVE", active["status"]!.GetValue<string>());
        Assert.Null(active["OS-EXT-STS:task_state"]);
        Assert.Equal(1, active["OS-EXT-STS:power_state"]!.GetValue<int>());
        Assert.Equal("2026-03-01T12:00:10Z", active["updated"]!.GetValue<string>());
        Assert.Equal("", active["image"]!.GetValue<string>());
        Assert.Equal("c1.small", active["flavor"]!["original_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Boot_volume_is_in_use_bootable_and_gets_none_of_the_server_metadata()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();
        var server = await cloud.ServerAsync(id);
        var volumeId = server["os-extended-volumes:volumes_attached"]![0]!["id"]!.GetValue<string>();

        var volume = (await cloud.GetAsync($"{cloud.VolumePath}/volumes/{volumeId}", "volume 3.42"))["volume"]!;
        Assert.Equal("in-use", volume["status"]!.GetValue<string>());
        Assert.Equal("true", volume["bootable"]!.GetValue<string>());
        Assert.Equal(20, volume["size"]!.GetValue<int>());
        Assert.Equal("General Purpose", volume["volume_type"]!.GetValue<string>());
        Assert.Equal(id, volume["attachments"]![0]!["server_id"]!.GetValue<string>());
        Assert.Equal("uid-vm-1", server["metadata"]!["cloudpe_uid"]!.GetValue<string>());
        Assert.Empty(volume["metadata"]!.AsObject());
    }

    [Fact]
    public async Task Dual_stack_network_gives_IPv4_from_the_pool_and_SLAAC_EUI64_IPv6_from_the_MAC()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();
        var addresses = (await cloud.ServerAsync(id))["addresses"]!["public-net"]!.AsArray();

        Assert.Equal(2, addresses.Count);
        var v6 = addresses.Single(a => a!["version"]!.GetValue<int>() == 6)!;
        var v4 = addresses.Single(a => a!["version"]!.GetValue<int>() == 4)!;
        Assert.Equal("fixed", v4["OS-EXT-IPS:type"]!.GetValue<string>());
        Assert.StartsWith("203.0.113.", v4["addr"]!.GetValue<string>(), StringComparison.Ordinal);

        var mac = v6["OS-EXT-IPS-MAC:mac_addr"]!.GetValue<string>().Split(':');
        var first = (Convert.ToByte(mac[0], 16) ^ 0x02).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
        var expected = IPAddress.Parse($"2001:db8:100::{first}{mac[1]}:{mac[2]}ff:fe{mac[3]}:{mac[4]}{mac[5]}");
        Assert.Equal(expected, IPAddress.Parse(v6["addr"]!.GetValue<string>()));

        var ports = (await cloud.GetAsync($"network/v2.0/ports?device_id={id}"))["ports"]!.AsArray();
        Assert.Equal(2, Assert.Single(ports)!["fixed_ips"]!.AsArray().Count);
    }

    [Fact]
    public async Task Stop_shows_powering_off_then_SHUTOFF_and_wrong_state_actions_are_409()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();

        var (building, conflict) = await cloud.ActionAsync(id, new JsonObject { ["os-stop"] = null });
        Assert.Equal(HttpStatusCode.Conflict, building);
        Assert.Equal($"Cannot 'stop' instance {id} while it is in vm_state building", conflict!["conflictingRequest"]!["message"]!.GetValue<string>());

        cloud.Clock.Advance(TimeSpan.FromSeconds(10));
        var (startActive, startBody) = await cloud.ActionAsync(id, new JsonObject { ["os-start"] = null });
        Assert.Equal(HttpStatusCode.Conflict, startActive);
        Assert.Equal($"Cannot 'start' instance {id} while it is in vm_state active", startBody!["conflictingRequest"]!["message"]!.GetValue<string>());
        Assert.Equal(409, startBody["conflictingRequest"]!["code"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["os-stop"] = null })).Status);
        var stopping = await cloud.ServerAsync(id);
        Assert.Equal("ACTIVE", stopping["status"]!.GetValue<string>());
        Assert.Equal("powering-off", stopping["OS-EXT-STS:task_state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "HARD" } })).Status);

        cloud.Clock.Advance(TimeSpan.FromSeconds(2));
        var stopped = await cloud.ServerAsync(id);
        Assert.Equal("SHUTOFF", stopped["status"]!.GetValue<string>());
        Assert.Equal(4, stopped["OS-EXT-STS:power_state"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, new JsonObject { ["suspend"] = null })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "SOFT" } })).Status);

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["os-start"] = null })).Status);
        cloud.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["suspend"] = null })).Status);
        cloud.Clock.Advance(TimeSpan.FromSeconds(2));
        var suspended = await cloud.ServerAsync(id);
        Assert.Equal("SUSPENDED", suspended["status"]!.GetValue<string>());
        Assert.Equal(7, suspended["OS-EXT-STS:power_state"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["resume"] = null })).Status);
        Assert.Equal("resuming", (await cloud.ServerAsync(id))["OS-EXT-STS:task_state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resize_goes_through_RESIZE_to_VERIFY_RESIZE_and_confirm_keeps_the_new_flavor()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();
        cloud.Clock.Advance(TimeSpan.FromSeconds(10));
        var small = await cloud.IdByNameAsync("compute/v2.1/flavors", "flavors", "c1.small");
        var large = await cloud.IdByNameAsync("compute/v2.1/flavors", "flavors", "c1.large");

        var (same, sameBody) = await cloud.ActionAsync(id, new JsonObject { ["resize"] = new JsonObject { ["flavorRef"] = small } });
        Assert.Equal(HttpStatusCode.BadRequest, same);
        Assert.NotNull(sameBody!["badRequest"]);
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, new JsonObject { ["confirmResize"] = null })).Status);

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["resize"] = new JsonObject { ["flavorRef"] = large } })).Status);
        Assert.Equal("RESIZE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
        cloud.Clock.Advance(TimeSpan.FromSeconds(5));
        var verify = await cloud.ServerAsync(id);
        Assert.Equal("VERIFY_RESIZE", verify["status"]!.GetValue<string>());
        Assert.Null(verify["OS-EXT-STS:task_state"]);

        Assert.Equal(HttpStatusCode.NoContent, (await cloud.ActionAsync(id, new JsonObject { ["confirmResize"] = null })).Status);
        var confirmed = await cloud.ServerAsync(id);
        Assert.Equal("ACTIVE", confirmed["status"]!.GetValue<string>());
        Assert.Equal("c1.large", confirmed["flavor"]!["original_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_keeps_the_server_ACTIVE_deleting_then_404_and_removes_volume_and_port()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();
        cloud.Clock.Advance(TimeSpan.FromSeconds(10));
        var before = cloud.Host.Admin.Snapshot();
        var volumeId = Assert.Single(before.Volumes).Id;
        Assert.Single(before.Ports);

        Assert.Equal(HttpStatusCode.NoContent, (await cloud.CallAsync(HttpMethod.Delete, $"compute/v2.1/servers/{id}")).Status);
        var deleting = await cloud.ServerAsync(id);
        Assert.Equal("ACTIVE", deleting["status"]!.GetValue<string>());
        Assert.Equal("deleting", deleting["OS-EXT-STS:task_state"]!.GetValue<string>());

        cloud.Clock.Advance(TimeSpan.FromSeconds(1));
        var (gone, body) = await cloud.CallAsync(HttpMethod.Get, $"compute/v2.1/servers/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal(404, body!["itemNotFound"]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.CallAsync(HttpMethod.Get, $"{cloud.VolumePath}/volumes/{volumeId}", version: null)).Status);
        Assert.Empty((await cloud.GetAsync($"network/v2.0/ports?device_id={id}"))["ports"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.CallAsync(HttpMethod.Delete, $"compute/v2.1/servers/{id}")).Status);
    }

    [Fact]
    public async Task Failed_build_ends_in_ERROR_with_a_fault()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var fail = await cloud.Http.PostAsync("_sim/builds/fail",
            new StringContent("""{"count":1,"message":"No valid host was found."}""", System.Text.Encoding.UTF8, "application/json"), TestCloud.Ct);
        Assert.Equal(HttpStatusCode.NoContent, fail.StatusCode);

        var (_, created) = await cloud.CreateServerAsync();
        var server = await cloud.ServerAsync(created!["server"]!["id"]!.GetValue<string>());
        Assert.Equal("ERROR", server["status"]!.GetValue<string>());
        Assert.Equal(500, server["fault"]!["code"]!.GetValue<int>());
        Assert.Equal("No valid host was found.", server["fault"]!["message"]!.GetValue<string>());

        var next = await cloud.CreateActiveServerAsync("vm-2");
        cloud.Host.Admin.ForceServerError(next, "Hypervisor lost.");
        Assert.Equal("Hypervisor lost.", (await cloud.ServerAsync(next))["fault"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Consoles_follow_the_microversion_like_the_real_cloud()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();
        var vnc = new JsonObject { ["os-getVNCConsole"] = new JsonObject { ["type"] = "novnc" } };
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.ActionAsync(id, vnc)).Status);
        var (legacy, legacyBody) = await cloud.ActionAsync(id, vnc.DeepClone(), "compute 2.1");
        Assert.Equal(HttpStatusCode.OK, legacy);
        Assert.StartsWith("http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3D", legacyBody!["console"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var (ok, body) = await cloud.CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/remote-consoles",
            new JsonObject { ["remote_console"] = new JsonObject { ["protocol"] = "vnc", ["type"] = "novnc" } });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("novnc", body!["remote_console"]!["type"]!.GetValue<string>());

        var (spice, spiceBody) = await cloud.CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/remote-consoles",
            new JsonObject { ["remote_console"] = new JsonObject { ["protocol"] = "spice", ["type"] = "spice-html5" } });
        Assert.Equal(HttpStatusCode.BadRequest, spice);
        Assert.Equal("Unavailable console type spice-html5.", spiceBody!["badRequest"]!["message"]!.GetValue<string>());

        var (output, outputBody) = await cloud.ActionAsync(id, new JsonObject { ["os-getConsoleOutput"] = new JsonObject { ["length"] = 10 } });
        Assert.Equal(HttpStatusCode.OK, output);
        Assert.False(string.IsNullOrEmpty(outputBody!["output"]!.GetValue<string>()));
    }
}
