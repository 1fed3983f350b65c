using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

/// <summary>The fleet benchmark's scale: 10,000 servers on one network, listed in 1,000-server detail pages.</summary>
public sealed class FleetScaleTests
{
    private const int Servers = 10_000;

    [Fact]
    public async Task Ten_thousand_servers_get_distinct_addresses_and_list_in_ten_detail_pages()
    {
        await using var cloud = await TestCloud.StartAsync();
        var template = new JsonObject { ["server"] = await cloud.ServerBodyAsync() };
        var created = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Servers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestCloud.Ct }, async (i, _) =>
        {
            var body = template.DeepClone();
            body["server"]!["name"] = $"fleet-{i:D5}";
            var (status, answer) = await cloud.CallAsync(HttpMethod.Post, "compute/v2.1/servers", body);
            Assert.True(status == HttpStatusCode.Accepted, $"server {i}: {(int)status} {answer?.ToJsonString()}");
        });
        created.Stop();

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ipv4 = new HashSet<string>(StringComparer.Ordinal);
        var pageTimes = new List<long>();
        string? next = "compute/v2.1/servers/detail?limit=1000";
        while (next is not null)
        {
            var watch = Stopwatch.StartNew();
            using var response = await cloud.SendAsync(HttpMethod.Get, next);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestCloud.Ct);
            pageTimes.Add(watch.ElapsedMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(bytes)!;
            foreach (var server in page["servers"]!.AsArray())
            {
                ids.Add(server!["id"]!.GetValue<string>());
                ipv4.Add(server["addresses"]!["public-net"]!.AsArray().Single(a => a!["version"]!.GetValue<int>() == 4)!["addr"]!.GetValue<string>());
            }

            var href = page["servers_links"]?[0]?["href"]?.GetValue<string>();
            next = href is null ? null : href[(href.IndexOf("compute/", StringComparison.Ordinal))..];
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Servers} creates: {created.ElapsedMilliseconds} ms; GET /servers/detail?limit=1000 pages, request to last byte (ms): {string.Join(", ", pageTimes)}");
        Assert.Equal(Servers, ids.Count);
        Assert.Equal(Servers, ipv4.Count);
        Assert.All(ipv4, a => Assert.StartsWith("203.0.", a, StringComparison.Ordinal));
        Assert.Equal(11, pageTimes.Count);
    }
}
