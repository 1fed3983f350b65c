using System.Net;
using CloudPe.Operator.Hosting;
using k8s;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

public sealed class HttpEndpointTests : IAsyncLifetime
{
    private OperatorEnvironment env = null!;

    // Leader election on: the probes must answer while the Lease is taken in the emulator.
    public async ValueTask InitializeAsync() => env = await OperatorEnvironment.StartAsync(new Dictionary<string, string?>
    {
        ["Operator:LeaderElection:Enabled"] = "true",
        ["Operator:LeaderElection:LeaseNamespace"] = "default",
    });

    public async ValueTask DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task Healthz_readyz_and_metrics_answer_on_the_configured_port()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = OperatorHost.HttpAddress(env.Operator)!;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        using var http = new HttpClient { BaseAddress = address };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", ct)).StatusCode);
        await Poll.UntilAsync(() => http.GetAsync("/readyz", ct), r => r.StatusCode == HttpStatusCode.OK, "/readyz reports the caches synced");

        var ns = await env.CreateNamespaceAsync("metrics");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "s");
        await env.WaitForReadyAsync(ns, "s");
        var lease = await env.Client.CoordinationV1.ReadNamespacedLeaseAsync("cloudpe-operator-leader", "default", cancellationToken: ct);
        Assert.False(string.IsNullOrEmpty(lease.Spec.HolderIdentity));

        var metrics = await http.GetStringAsync("/metrics", ct);
        Assert.Matches("cloudpe_reconciles_total\\{controller=\"cloudpeserver\",result=\"(success|requeue)\"\\} [1-9]", metrics);
        Assert.Matches("cloudpe_openstack_requests_total\\{service=\"identity\",method=\"POST\",route=\"/v3/auth/tokens\",status=\"201\"\\} [1-9]", metrics);
        Assert.Contains("cloudpe_workqueue_depth{controller=\"cloudpeserver\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vm_phase_gauge_is_exported()
    {
        var metrics = env.Operator.Services.GetService(typeof(Diagnostics.OperatorMetrics)) as Diagnostics.OperatorMetrics;
        metrics!.SetVmsInPhase("Running", 3);
        using var http = new HttpClient { BaseAddress = OperatorHost.HttpAddress(env.Operator) };

        var text = await http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("cloudpe_vms{phase=\"Running\"} 3", text, StringComparison.Ordinal);
    }
}
