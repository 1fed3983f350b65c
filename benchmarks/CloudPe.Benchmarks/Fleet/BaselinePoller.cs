using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// The <c>baseline-poller</c> mode: the naive pattern the operator replaces. Every resync, for every VM, it asks
/// Keystone for a fresh token and GETs <c>/servers/{id}</c> with it, with the same concurrency as the operator.
/// Answers <c>resync</c> (one pass; elapsed ms) and <c>stats</c> on stdin.
/// </summary>
internal static class BaselinePoller
{
    public const string Mode = "baseline-poller";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = OperatorProcess.Options(args);
        var plan = JsonSerializer.Deserialize<List<BaselineTarget>>(await File.ReadAllTextAsync(options["--plan"]))!;
        var concurrency = int.Parse(options["--concurrency"], CultureInfo.InvariantCulture);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(60) };
        var work = plan.SelectMany(t => t.ServerIds.Select(id => (Target: t, Id: id))).ToList();
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } command && command != "quit")
        {
            if (command == "stats")
            {
                Console.WriteLine(ProcessStats.Measure(0));
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, ct) => await PollAsync(http, item.Target, item.Id, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resync {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}"));
        }

        return 0;
    }

    private static async Task PollAsync(HttpClient http, BaselineTarget target, string id, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("application_credential"),
                    ["application_credential"] = new JsonObject { ["id"] = target.CredentialId, ["secret"] = target.CredentialSecret },
                },
            },
        };
        using var auth = await http.PostAsJsonAsync(new Uri(target.AuthUrl.TrimEnd('/') + "/auth/tokens"), body, ct);
        auth.EnsureSuccessStatusCode();
        var token = auth.Headers.GetValues("X-Subject-Token").First();
        var catalog = (await auth.Content.ReadFromJsonAsync<JsonNode>(ct))!["token"]!["catalog"]!.AsArray();
        var compute = catalog.First(s => (string?)s!["type"] == "compute")!["endpoints"]!.AsArray()
            .First(e => (string?)e!["interface"] == "public")!["url"]!.GetValue<string>();
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(compute.TrimEnd('/') + "/servers/" + id));
        get.Headers.Add("X-Auth-Token", token);
        using var reply = await http.SendAsync(get, ct);
        reply.EnsureSuccessStatusCode();
        _ = await reply.Content.ReadFromJsonAsync<JsonNode>(ct);
    }
}
