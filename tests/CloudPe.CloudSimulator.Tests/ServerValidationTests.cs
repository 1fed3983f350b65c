using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class ServerValidationTests
{
    [Fact]
    public async Task Create_rejects_what_nova_rejects_with_a_badRequest_envelope()
    {
        await using var cloud = await TestCloud.StartAsync();
        var cases = new (string Why, Action<JsonObject> Edit, string Version, string Expected)[]
        {
            ("unknown flavor", s => s["flavorRef"] = "nope", TestCloud.Compute, "Flavor nope could not be found."),
            ("unknown network", s => s["networks"] = new JsonArray(new JsonObject { ["uuid"] = "11111111-1111-4111-8111-111111111111" }), TestCloud.Compute, "Network 11111111-1111-4111-8111-111111111111 could not be found."),
            ("unknown security group", s => s["security_groups"] = new JsonArray(new JsonObject { ["name"] = "nope" }), TestCloud.Compute, "Security group nope not found"),
            ("unknown volume type", s => s["block_device_mapping_v2"]![0]!["volume_type"] = "Gold", TestCloud.Compute, "Volume type Gold could not be found."),
            ("volume_type before 2.67", _ => { }, "compute 2.52", "volume_type"),
            ("tags before 2.52", s => s["tags"] = new JsonArray("a"), "compute 2.51", "'tags' was unexpected"),
            ("missing name", s => s.Remove("name"), TestCloud.Compute, "'name' is a required property"),
            ("networks required at 2.37+", s => s.Remove("networks"), TestCloud.Compute, "'networks' is a required property"),
        };

        foreach (var (why, edit, version, expected) in cases)
        {
            var (status, body) = await cloud.CreateServerAsync(version: version, edit: edit);
            Assert.True(status == HttpStatusCode.BadRequest, $"{why}: {(int)status} {body?.ToJsonString()}");
            Assert.Contains(expected, body!["badRequest"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(cloud.Host.Admin.Snapshot().Servers);
        Assert.Empty(cloud.Host.Admin.Snapshot().Volumes);
    }

    [Fact]
    public async Task Boot_volume_smaller_than_the_image_min_disk_is_refused()
    {
        await using var cloud = await TestCloud.StartAsync();
        var (status, body) = await cloud.CreateServerAsync(image: "Windows Server 2022", volumeSize: 30);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Volume is smaller than the minimum size specified in image metadata", body!["badRequest"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.CreateServerAsync(image: "Windows Server 2022", volumeSize: 40)).Status);
    }

    [Fact]
    public async Task Booting_with_a_port_binds_it_and_deleting_the_server_unbinds_without_deleting()
    {
        await using var cloud = await TestCloud.StartAsync();
        var network = await cloud.IdByNameAsync("network/v2.0/networks", "networks", "private-v4");
        var (created, port) = await cloud.CallAsync(HttpMethod.Post, "network/v2.0/ports",
            new JsonObject { ["port"] = new JsonObject { ["network_id"] = network, ["name"] = "pre-made" } }, version: null);
        Assert.Equal(HttpStatusCode.Created, created);
        var portId = port!["port"]!["id"]!.GetValue<string>();

        var (status, body) = await cloud.CreateServerAsync(edit: s => s["networks"] = new JsonArray(new JsonObject { ["port"] = portId }));
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body!["server"]!["id"]!.GetValue<string>();
        Assert.Equal(id, (await cloud.GetAsync($"network/v2.0/ports/{portId}"))["port"]!["device_id"]!.GetValue<string>());
        Assert.Single((await cloud.ServerAsync(id))["addresses"]!["private-v4"]!.AsArray());

        var (inUse, _) = await cloud.CreateServerAsync("vm-2", edit: s => s["networks"] = new JsonArray(new JsonObject { ["port"] = portId }));
        Assert.Equal(HttpStatusCode.Conflict, inUse);

        await cloud.CallAsync(HttpMethod.Delete, $"compute/v2.1/servers/{id}");
        var after = (await cloud.GetAsync($"network/v2.0/ports/{portId}"))["port"]!;
        Assert.Equal("", after["device_id"]!.GetValue<string>());
    }
}
