using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class ServerListingTests
{
    [Fact]
    public async Task Detail_list_pages_by_limit_and_marker_following_next_links()
    {
        await using var cloud = await TestCloud.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            cloud.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add(await cloud.CreateActiveServerAsync($"vm-{i}"));
        }

        var seen = new List<string>();
        var path = "compute/v2.1/servers/detail?limit=2";
        var pages = 0;
        while (true)
        {
            var page = await cloud.GetAsync(path);
            pages++;
            seen.AddRange(page["servers"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            var next = page["servers_links"]?.AsArray().SingleOrDefault(l => l!["rel"]!.GetValue<string>() == "next")?["href"]?.GetValue<string>();
            if (next is null)
            {
                break;
            }

            path = next[(next.IndexOf("/compute/", StringComparison.Ordinal) + 1)..];
        }

        Assert.Equal(3, pages);
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
        var (bad, _) = await cloud.CallAsync(HttpMethod.Get, "compute/v2.1/servers?marker=nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task Changes_since_returns_updated_servers_including_deleted_ones()
    {
        await using var cloud = await TestCloud.StartAsync();
        var old = await cloud.CreateActiveServerAsync("old");
        var doomed = await cloud.CreateActiveServerAsync("doomed");
        cloud.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = "2026-03-01T12:04:00Z";
        var fresh = await cloud.CreateActiveServerAsync("fresh");
        await cloud.CallAsync(HttpMethod.Delete, $"compute/v2.1/servers/{doomed}");

        var changed = (await cloud.GetAsync($"compute/v2.1/servers/detail?changes-since={since}"))["servers"]!.AsArray();
        var byId = changed.ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());
        Assert.Equal("ACTIVE", byId[fresh]);
        Assert.Equal("DELETED", byId[doomed]);
        Assert.DoesNotContain(old, byId.Keys);

        var plain = (await cloud.GetAsync("compute/v2.1/servers/detail"))["servers"]!.AsArray().Select(s => s!["id"]!.GetValue<string>());
        Assert.DoesNotContain(doomed, plain);
    }

    [Fact]
    public async Task Tag_filters_select_servers_and_name_filter_is_a_search()
    {
        await using var cloud = await TestCloud.StartAsync();
        var a = await cloud.CreateActiveServerAsync("web-a", new JsonArray("cloudpe", "ns-a"));
        var b = await cloud.CreateActiveServerAsync("web-b", new JsonArray("cloudpe", "ns-b"));
        await cloud.CreateActiveServerAsync("db-c");

        static IEnumerable<string> Ids(JsonNode page) => page["servers"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        var both = new[] { a, b }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(both, Ids(await cloud.GetAsync("compute/v2.1/servers?tags=cloudpe")));
        Assert.Equal(new[] { a }, Ids(await cloud.GetAsync("compute/v2.1/servers?tags=cloudpe,ns-a")));
        Assert.Equal(both, Ids(await cloud.GetAsync("compute/v2.1/servers?tags-any=ns-a,ns-b")));
        Assert.Equal(both, Ids(await cloud.GetAsync("compute/v2.1/servers?name=web")));
        Assert.Equal(new[] { "cloudpe", "ns-a" }, (await cloud.ServerAsync(a))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }
}
