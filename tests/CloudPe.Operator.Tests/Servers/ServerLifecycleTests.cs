using System.Text.Json.Nodes;
using CloudPe.CloudSimulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using k8s;
using k8s.Models;
using Xunit;

namespace CloudPe.Operator.Tests.Servers;

/// <summary>Secret rotation, retry after a transient failure on the fake clock, blocked deletion, and secrets kept out of logs, status and events.</summary>
public sealed class ServerLifecycleTests : IAsyncLifetime
{
    private const string TokenRoute = "identity POST /v3/auth/tokens";
    private OperatorEnvironment env = null!;

    public async ValueTask InitializeAsync() => env = await OperatorEnvironment.StartAsync();

    public async ValueTask DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task A_fixed_secret_is_picked_up_within_seconds_and_a_rotated_one_gets_a_new_token()
    {
        var ns = await env.CreateNamespaceAsync("rotate");
        await env.CreateCredentialsAsync(ns, secret: "stale-secret");
        await env.CreateServerAsync(ns, "s");
        await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.AuthenticationFailed);

        // No clock advance: only the Secret watch can trigger this reconcile.
        await env.ReplaceSecretDataAsync(ns, "app-credential", Credentials(env.Cloud.ApplicationCredentialId, env.Cloud.ApplicationCredentialSecret));
        await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.Ready, TimeSpan.FromSeconds(5));

        var tokens = env.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(TokenRoute);
        var second = env.Cloud.Admin.CreateApplicationCredential();
        await env.ReplaceSecretDataAsync(ns, "app-credential", Credentials(second.Id, second.Secret));
        await Poll.UntilAsync(
            () => env.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(TokenRoute) > tokens,
            "the rotated credential was used to get a new token",
            TimeSpan.FromSeconds(5));
        var server = await env.WaitForReadyAsync(ns, "s");
        Assert.Null(Conditions.Find(server.Status.Conditions, StatusConditionTypes.Stalled));
    }

    [Fact]
    public async Task A_transient_cloud_error_is_retried_when_the_back_off_elapses_on_the_clock_and_not_before()
    {
        var ns = await env.CreateNamespaceAsync("retry");
        await env.CreateCredentialsAsync(ns);
        var fault = env.Cloud.Admin.AddFault(new FaultRule { Route = TokenRoute, Status = 503 });
        await env.CreateServerAsync(ns, "s");
        var failed = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.CloudError);
        Assert.True(Conditions.IsTrue(failed.Status.Conditions, StatusConditionTypes.Reconciling));
        var attempts = env.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(TokenRoute);
        env.Cloud.Admin.RemoveFault(fault);

        // A change that is no spec change (an annotation) reconciles, but the back-off keeps the cloud untouched.
        var before = env.ServerReconciles.Count;
        await env.Servers.MergePatchAsync(ns, "s", JsonNode.Parse("""{"metadata":{"annotations":{"example.com/touched":"yes"}}}""")!, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => env.ServerReconciles.Count > before, "the annotation change was reconciled");
        env.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(attempts, env.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(TokenRoute));
        Assert.Equal(ConditionReasons.CloudError, Conditions.Find((await env.GetServerAsync(ns, "s")).Status.Conditions, ConditionTypes.Ready)?.Reason);

        // The first retry is due 5 s after the failure on the operator's clock.
        env.Clock.Advance(TimeSpan.FromSeconds(1));
        await env.WaitForReadyAsync(ns, "s");
        Assert.True(env.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(TokenRoute) > attempts);
    }

    [Fact]
    public async Task Deletion_waits_for_the_vms_that_refer_to_the_server_then_completes()
    {
        var ns = await env.CreateNamespaceAsync("delete");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "s");
        await env.WaitForReadyAsync(ns, "s");
        var names = Enumerable.Range(1, 7).Select(i => $"vm-{i}").ToList();
        foreach (var name in names)
        {
            await env.Vms.CreateAsync(Vm(ns, name, "s"), TestContext.Current.CancellationToken);
        }

        await env.Vms.CreateAsync(Vm(ns, "elsewhere", "other-server"), TestContext.Current.CancellationToken);
        await env.Servers.DeleteAsync(ns, "s", TestContext.Current.CancellationToken);

        var blocked = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.DeletionBlocked);
        var ready = Conditions.Find(blocked.Status.Conditions, ConditionTypes.Ready)!;
        Assert.Equal("Deletion waits for 7 CloudPeVMs that refer to this server: vm-1, vm-2, vm-3, vm-4, vm-5 and 2 more.", ready.Message);
        Assert.NotNull(blocked.Metadata.DeletionTimestamp);
        var events = await env.EventsAsync(ns);
        Assert.Contains(events, e => e.Reason == ConditionReasons.DeletionBlocked && e.Type == "Warning" && e.Message == ready.Message);

        foreach (var name in names.Skip(1))
        {
            await env.Vms.DeleteAsync(ns, name, TestContext.Current.CancellationToken);
        }

        blocked = await Poll.UntilAsync(
            () => env.GetServerAsync(ns, "s"),
            s => Conditions.Find(s.Status.Conditions, ConditionTypes.Ready)?.Message?.Contains("1 CloudPeVM ", StringComparison.Ordinal) == true,
            "the message follows the remaining VM");
        Assert.Equal("Deletion waits for 1 CloudPeVM that refers to this server: vm-1.", Conditions.Find(blocked.Status.Conditions, ConditionTypes.Ready)!.Message);

        await env.Vms.DeleteAsync(ns, "vm-1", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => env.Servers.GetAsync(ns, "s", TestContext.Current.CancellationToken), s => s is null, "the server is gone once no VM refers to it");
        Assert.NotNull(await env.Vms.GetAsync(ns, "elsewhere", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Secrets_never_reach_logs_status_or_events()
    {
        var ns = await env.CreateNamespaceAsync("leak");
        const string wrong = "wrong-secret-4b1d9c0e7f";
        await env.CreateCredentialsAsync(ns, secret: wrong);
        await env.CreateServerAsync(ns, "s");
        await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.AuthenticationFailed);
        await env.ReplaceSecretDataAsync(ns, "app-credential", Credentials(env.Cloud.ApplicationCredentialId, env.Cloud.ApplicationCredentialSecret));
        var server = await env.WaitForReadyAsync(ns, "s");

        var secrets = new[] { wrong, env.Cloud.ApplicationCredentialSecret };
        var status = KubernetesJson.Serialize(server);
        var events = KubernetesJson.Serialize(await env.EventsAsync(ns));
        Assert.NotEmpty(env.Log.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, status, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, events, StringComparison.Ordinal);
            Assert.DoesNotContain(env.Log.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, string> Credentials(string id, string secret) => new()
    {
        [CloudPeServerSpec.ApplicationCredentialIdKey] = id,
        [CloudPeServerSpec.ApplicationCredentialSecretKey] = secret,
    };

    private static CloudPeVM Vm(string ns, string name, string server) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new CloudPeVMSpec
        {
            ServerRef = new LocalObjectReference { Name = server },
            Flavor = "c1.small",
            Image = "Ubuntu 24.04",
            Network = "public-net",
        },
    };
}
