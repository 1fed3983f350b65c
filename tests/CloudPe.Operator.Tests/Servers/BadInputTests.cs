using System.Net;
using System.Net.Sockets;
using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using Xunit;

namespace CloudPe.Operator.Tests.Servers;

/// <summary>Every bad input ends in a clear condition (reason + message), never a crash loop or a stack trace.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private OperatorEnvironment env = null!;

    public async ValueTask InitializeAsync() => env = await OperatorEnvironment.StartAsync();

    public async ValueTask DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task A_missing_secret_is_named_and_the_server_recovers_when_it_appears()
    {
        var ns = await env.CreateNamespaceAsync("nosecret");
        await env.CreateServerAsync(ns, "s", secretName: "absent");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.CredentialsNotFound);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.CredentialsNotFound, stalled: true);
        Assert.Contains($"Secret {ns}/absent", ready.Message, StringComparison.Ordinal);

        await env.CreateCredentialsAsync(ns, "absent");
        await env.WaitForReadyAsync(ns, "s");
    }

    [Fact]
    public async Task A_missing_key_is_named()
    {
        var ns = await env.CreateNamespaceAsync("nokey");
        await env.CreateSecretAsync(ns, "app-credential", new Dictionary<string, string> { [CloudPeServerSpec.ApplicationCredentialIdKey] = env.Cloud.ApplicationCredentialId });
        await env.CreateServerAsync(ns, "s");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.CredentialsNotFound);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.CredentialsNotFound, stalled: true);
        Assert.Equal($"Secret {ns}/app-credential has no key applicationCredentialSecret.", ready.Message);
    }

    [Fact]
    public async Task An_empty_key_is_invalid_credentials()
    {
        var ns = await env.CreateNamespaceAsync("emptykey");
        await env.CreateCredentialsAsync(ns, secret: "");
        await env.CreateServerAsync(ns, "s");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.CredentialsInvalid);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.CredentialsInvalid, stalled: true);
        Assert.Equal($"Secret {ns}/app-credential: key applicationCredentialSecret is empty.", ready.Message);
    }

    [Fact]
    public async Task Wrong_credentials_give_keystones_message()
    {
        var ns = await env.CreateNamespaceAsync("wrong");
        await env.CreateCredentialsAsync(ns, secret: "not-the-secret");
        await env.CreateServerAsync(ns, "s");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.AuthenticationFailed);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.AuthenticationFailed, stalled: true);
        Assert.Contains("The request you have made requires authentication.", ready.Message, StringComparison.Ordinal);
        Assert.Contains(env.Cloud.AuthUrl.Host, ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_names_host_port_and_refused()
    {
        var ns = await env.CreateNamespaceAsync("refused");
        await env.CreateCredentialsAsync(ns);
        var port = ClosedPort();
        await env.CreateServerAsync(ns, "s", s => s.Endpoint = $"127.0.0.1:{port}");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.EndpointUnreachable);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.EndpointUnreachable, stalled: false);
        Assert.Equal($"Cannot reach 127.0.0.1:{port}: connection refused.", ready.Message);
        Assert.Equal(ConditionReasons.Progressing, Conditions.Find(server.Status.Conditions, StatusConditionTypes.Reconciling)?.Reason);
    }

    [Fact]
    public async Task An_untrusted_certificate_with_secure_true_is_a_tls_failure_and_a_ca_bundle_cures_it()
    {
        var ns = await env.CreateNamespaceAsync("tls");
        await env.CreateCredentialsAsync(ns);

        // The API emulator serves HTTPS with its own CA: a real certificate the operator does not trust.
        var tlsEndpoint = $"127.0.0.1:{env.Api.BaseUri.Port}";
        await env.CreateServerAsync(ns, "s", s =>
        {
            s.Endpoint = tlsEndpoint;
            s.Secure = true;
        });

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.EndpointUnreachable);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.EndpointUnreachable, stalled: false);
        Assert.StartsWith($"Cannot reach {tlsEndpoint}: TLS certificate failure", ready.Message, StringComparison.Ordinal);

        await env.CreateSecretAsync(ns, "corp-ca", new Dictionary<string, string> { ["ca.crt"] = env.Api.CaCertificatePem });
        await env.CreateServerAsync(ns, "trusted", s =>
        {
            s.Endpoint = tlsEndpoint;
            s.Secure = true;
            s.CaBundleSecretRef = new SecretKeyReference { Name = "corp-ca" };
        });

        // Past TLS the emulator is no Keystone: it answers the token request with its own 401.
        server = await Poll.UntilAsync(
            () => env.GetServerAsync(ns, "trusted"),
            s => Conditions.Find(s.Status?.Conditions, ConditionTypes.Ready) is { } c && c.Reason != ConditionReasons.EndpointUnreachable,
            "the CA bundle made TLS succeed");
        Assert.Equal(ConditionReasons.AuthenticationFailed, Conditions.Find(server.Status.Conditions, ConditionTypes.Ready)!.Reason);
    }

    [Fact]
    public async Task A_project_path_that_returns_404_is_project_not_found()
    {
        var ns = await env.CreateNamespaceAsync("path");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "s", s => s.ProjectPath = "/openstack/99");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.ProjectNotFound);
        var ready = AssertFailure(server, ConditionTypes.Authenticated, ConditionReasons.ProjectNotFound, stalled: true);
        Assert.Contains("/openstack/99/v3 answered 404 Not Found", ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_without_compute_or_network_lists_the_missing_types()
    {
        var ns = await env.CreateNamespaceAsync("catalog");
        await env.CreateCredentialsAsync(ns);

        // The simulator's catalog has no endpoints in this region: every service is missing from it.
        await env.CreateServerAsync(ns, "s", s => s.Region = "Nowhere");

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.CatalogIncomplete);
        var ready = AssertFailure(server, ConditionTypes.CatalogResolved, ConditionReasons.CatalogIncomplete, stalled: true);
        Assert.StartsWith("The service catalog has no compute, network, volumev3, image endpoints in region 'Nowhere'", ready.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, Conditions.Find(server.Status.Conditions, ConditionTypes.Authenticated)?.Status);
        Assert.Equal(ConditionStatus.Unknown, Conditions.Find(server.Status.Conditions, ConditionTypes.InventoryReady)?.Status);
    }

    [Theory]
    [InlineData("10s")]
    [InlineData("25h")]
    [InlineData("100000h")]
    public async Task An_inventory_refresh_interval_out_of_range_is_invalid_spec(string interval)
    {
        var ns = await env.CreateNamespaceAsync("interval");
        await env.CreateCredentialsAsync(ns);
        await env.CreateServerAsync(ns, "s", s => s.InventoryRefreshInterval = interval);

        var server = await env.WaitForConditionAsync(ns, "s", ConditionTypes.Ready, ConditionReasons.InvalidSpec);
        var ready = AssertFailure(server, null, ConditionReasons.InvalidSpec, stalled: true);
        Assert.Equal($"spec.inventoryRefreshInterval '{interval}' is invalid: use a duration between 30s and 24h, such as 10m.", ready.Message);
    }

    [Theory]
    [InlineData("https://cloud.example.com", "/", "10m", "spec.endpoint")]
    [InlineData("cloud.example.com/openstack/14", "/", "10m", "spec.endpoint")]
    [InlineData("cloud.example.com", "/", "-5m", "spec.inventoryRefreshInterval")]
    public async Task The_schema_rejects_a_scheme_or_path_in_the_endpoint_and_a_negative_interval(string endpoint, string path, string interval, string field)
    {
        var ns = await env.CreateNamespaceAsync("schema");
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => env.CreateServerAsync(ns, "s", s =>
        {
            s.Endpoint = endpoint;
            s.ProjectPath = path;
            s.InventoryRefreshInterval = interval;
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static Condition AssertFailure(CloudPeServer server, string? type, string reason, bool stalled)
    {
        var conditions = server.Status.Conditions;
        var ready = Conditions.Find(conditions, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Equal(reason, ready.Reason);
        Assert.DoesNotContain("   at ", ready.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", ready.Message, StringComparison.Ordinal);
        if (type is not null)
        {
            var failed = Conditions.Find(conditions, type)!;
            Assert.Equal(ConditionStatus.False, failed.Status);
            Assert.Equal(reason, failed.Reason);
            Assert.Equal(ready.Message, failed.Message);
        }

        Assert.Equal(stalled, Conditions.IsTrue(conditions, StatusConditionTypes.Stalled));
        Assert.Equal(!stalled, Conditions.IsTrue(conditions, StatusConditionTypes.Reconciling));
        Assert.Equal(server.Metadata.Generation, server.Status.ObservedGeneration);
        return ready;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
