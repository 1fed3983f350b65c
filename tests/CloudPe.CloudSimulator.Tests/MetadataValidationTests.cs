using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

/// <summary>Nova's metadata schema, as the real cloud answered it (docs/conformance.md item 1).</summary>
public sealed class MetadataValidationTests
{
    [Fact]
    public async Task Create_with_a_slash_in_a_metadata_key_is_refused_with_novas_message_and_creates_nothing()
    {
        await using var cloud = await TestCloud.StartAsync();

        var (status, body) = await cloud.CreateServerAsync("vm-create", edit: s => s["metadata"] = new JsonObject { ["cloudpe.io/uid"] = "vm-create" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "Invalid input for field/attribute metadata. Value: {'cloudpe.io/uid': 'vm-create'}. 'cloudpe.io/uid' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'",
            body!["badRequest"]!["message"]!.GetValue<string>());
        var state = cloud.Host.Admin.Snapshot();
        Assert.Empty(state.Servers);
        Assert.Empty(state.Volumes);
        Assert.Empty(state.Ports);
    }

    [Theory]
    [InlineData("cloudpe_uid", 255, HttpStatusCode.Accepted)]
    [InlineData("cloudpe:uid", 1, HttpStatusCode.Accepted)]
    [InlineData("Cloud Pe.uid-1", 1, HttpStatusCode.Accepted)]
    [InlineData("cloudpe_uid", 256, HttpStatusCode.BadRequest)]
    [InlineData("cloudpe/uid", 1, HttpStatusCode.BadRequest)]
    [InlineData("clöudpe", 1, HttpStatusCode.BadRequest)]
    [InlineData("", 1, HttpStatusCode.BadRequest)]
    public async Task Keys_must_match_novas_pattern_and_values_stay_within_255_characters(string key, int valueLength, HttpStatusCode expected)
    {
        await using var cloud = await TestCloud.StartAsync();

        var (status, body) = await cloud.CreateServerAsync(edit: s => s["metadata"] = new JsonObject { [key] = new string('v', valueLength) });

        Assert.True(expected == status, $"{key}: {(int)status} {body?.ToJsonString()}");
    }

    [Fact]
    public async Task Too_long_value_names_the_key_like_nova()
    {
        await using var cloud = await TestCloud.StartAsync();
        var value = new string('v', 256);

        var (_, body) = await cloud.CreateServerAsync(edit: s => s["metadata"] = new JsonObject { ["cloudpe_name"] = value });

        Assert.Equal($"Invalid input for field/attribute cloudpe_name. Value: {value}. '{value}' is too long", body!["badRequest"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metadata_sub_resource_validates_the_same_way()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();

        var (bad, badBody) = await cloud.CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/metadata", new JsonObject { ["metadata"] = new JsonObject { ["a/b"] = "x" } });
        var (good, goodBody) = await cloud.CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/metadata", new JsonObject { ["metadata"] = new JsonObject { ["cloudpe_image"] = "img" } });
        var (replaced, _) = await cloud.CallAsync(HttpMethod.Put, $"compute/v2.1/servers/{id}/metadata", new JsonObject { ["metadata"] = new JsonObject { ["k"] = new string('v', 256) } });

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("'a/b' does not match any of the regexes", badBody!["badRequest"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good);
        Assert.Equal("img", goodBody!["metadata"]!["cloudpe_image"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, replaced);
        Assert.Equal("uid-vm-1", (await cloud.ServerAsync(id))["metadata"]!["cloudpe_uid"]!.GetValue<string>());
    }
}
