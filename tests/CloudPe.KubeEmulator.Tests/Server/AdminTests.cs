using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>Counters and fault injection that reliability tests and benchmarks rely on.</summary>
public sealed class AdminTests
{
    [Fact]
    public async Task Injected_failures_hit_only_the_named_subresource_and_then_stop()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await KubeEmulatorHost.StartAsync(ct: ct);
        using var client = ClientFactory.Create(host);
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = "p1" } }, "default", cancellationToken: ct);
        host.Admin.ResetCounters();
        host.Admin.FailNextWrites("pods", "status", 2, 409);
        var statusPatch = new V1Patch("""{"status":{"phase":"Running"}}""", V1Patch.PatchType.MergePatch);

        for (var i = 0; i < 2; i++)
        {
            var ex = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedPodStatusAsync(statusPatch, "p1", "default", cancellationToken: ct));
            Assert.Equal(HttpStatusCode.Conflict, ex.Response.StatusCode);
        }

        await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch), "p1", "default", cancellationToken: ct);
        var patched = await client.CoreV1.PatchNamespacedPodStatusAsync(statusPatch, "p1", "default", cancellationToken: ct);
        Assert.Equal("Running", patched.Status.Phase);

        var counts = host.Admin.RequestsByVerbAndResource;
        Assert.Equal(3, counts["patch pods/status"]);
        Assert.Equal(1, counts["patch pods"]);
        Assert.Equal(2, host.Admin.Writes);
    }

    [Fact]
    public async Task Admin_http_twin_injects_faults_and_resets_counters()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await KubeEmulatorHost.StartAsync(new EmulatorOptions { UseTls = false }, ct);
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var fault = await http.PostAsync("/_emu/faults", new StringContent("""{"resource":"secrets","count":1,"statusCode":503}"""), ct);
        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);

        var secret = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"k":"v"}}""";
        using var failed = await http.PostAsync("/api/v1/namespaces/default/secrets", new StringContent(secret, System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        using var created = await http.PostAsync("/api/v1/namespaces/default/secrets", new StringContent(secret, System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("dg==", (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["data"]!["k"]);

        var counters = JsonNode.Parse(await http.GetStringAsync("/_emu/counters", ct))!;
        Assert.Equal(2, (long)counters["requests"]!["create secrets"]!);
        Assert.Equal(1, (long)counters["writes"]!);
        using var reset = await http.DeleteAsync("/_emu/counters", ct);
        Assert.Empty(host.Admin.RequestsByVerbAndResource);
    }
}
