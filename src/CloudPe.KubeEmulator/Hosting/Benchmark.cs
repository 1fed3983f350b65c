using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Hosting;

/// <summary>
/// <c>--bench</c>: creates N custom objects over HTTPS while M watches follow them, and prints time and memory.
/// Client and server share the process, so the working set includes the watch readers.
/// </summary>
internal static class Benchmark
{
    public static async Task<int> RunAsync(int objects, int watches)
    {
        var baselineManaged = GC.GetTotalMemory(forceFullCollection: true);
        await using var host = await KubeEmulatorHost.StartAsync(new EmulatorOptions());
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = watches + 32,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null },
        };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);

        await Send(client, HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Crd());
        var startedManaged = GC.GetTotalMemory(forceFullCollection: true);

        var rv = (string)JsonNode.Parse(await client.GetStringAsync("/apis/bench.example.com/v1/widgets"))!["metadata"]!["resourceVersion"]!;
        using var stop = new CancellationTokenSource();
        var watchTasks = Enumerable.Range(0, watches).Select(_ => CountEvents(client, rv, objects, stop.Token)).ToList();

        var total = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < objects)
            {
                var body = new JsonObject
                {
                    ["apiVersion"] = "bench.example.com/v1",
                    ["kind"] = "Widget",
                    ["metadata"] = new JsonObject { ["name"] = $"w{i:D5}", ["labels"] = new JsonObject { ["app"] = "bench" } },
                    ["spec"] = new JsonObject { ["size"] = i % 7, ["color"] = "red" },
                };
                await Send(client, HttpMethod.Post, "/apis/bench.example.com/v1/namespaces/default/widgets", body);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var createTime = total.Elapsed;
        await Task.WhenAll(watchTasks);
        var deliveredTime = total.Elapsed;

        var listWatch = Stopwatch.StartNew();
        var full = await client.GetByteArrayAsync("/apis/bench.example.com/v1/namespaces/default/widgets");
        var fullList = listWatch.Elapsed;
        listWatch.Restart();
        var pages = 0;
        string? cont = null;
        do
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/apis/bench.example.com/v1/namespaces/default/widgets?limit=500{(cont is null ? "" : "&continue=" + Uri.EscapeDataString(cont))}"))!;
            cont = (string?)page["metadata"]?["continue"];
            pages++;
        }
        while (cont is not null);
        var pagedList = listWatch.Elapsed;
        await stop.CancelAsync();

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var ic = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ic, $"objects={objects} watches={watches}"));
        Console.WriteLine(string.Create(ic, $"create all objects (16 concurrent clients, HTTPS): {createTime.TotalSeconds:F2} s ({objects / createTime.TotalSeconds:F0} creates/s)"));
        Console.WriteLine(string.Create(ic, $"all {watches} watches received all {objects} events after: {deliveredTime.TotalSeconds:F2} s ({(long)objects * watches / deliveredTime.TotalSeconds:F0} events/s delivered)"));
        Console.WriteLine(string.Create(ic, $"full list of {objects} ({full.Length / 1024} KiB): {fullList.TotalMilliseconds:F0} ms; paged list (limit=500, {pages} pages): {pagedList.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(ic, $"managed heap: baseline {baselineManaged / 1048576.0:F1} MiB, after start {startedManaged / 1048576.0:F1} MiB, with objects and history {managed / 1048576.0:F1} MiB"));
        Console.WriteLine(string.Create(ic, $"process CPU time (server and clients together): {process.TotalProcessorTime.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(ic, $"process working set {process.WorkingSet64 / 1048576.0:F0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        return 0;
    }

    private static async Task CountEvents(HttpClient client, string rv, int expected, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/apis/bench.example.com/v1/widgets?watch=true&resourceVersion={rv}", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        var seen = 0;
        while (seen < expected && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal))
            {
                seen++;
            }
        }
    }

    private static async Task Send(HttpClient client, HttpMethod method, string url, JsonObject body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static JsonObject Crd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.bench.example.com"},
         "spec":{"group":"bench.example.com","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
           "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
             "additionalPrinterColumns":[{"name":"Size","type":"integer","jsonPath":".spec.size"}],
             "schema":{"openAPIV3Schema":{"type":"object","properties":{
               "spec":{"type":"object","properties":{"size":{"type":"integer","minimum":0},"color":{"type":"string"}}},
               "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
        """)!.AsObject();
}
