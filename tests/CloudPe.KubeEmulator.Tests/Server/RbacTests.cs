using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>Bearer tokens, TokenRequest and RBAC from stored Roles and bindings, as a least-privilege test would use them.</summary>
public sealed class RbacTests(EmulatorTarget target) : IClassFixture<EmulatorTarget>
{
    private KubeEmulatorHost Host => target.Host;

    private static async Task<string> SetUpReaderAsync(Kubernetes admin, string ns)
    {
        var ct = TestContext.Current.CancellationToken;
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: ct);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "bridge" } }, ns, cancellationToken: ct);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "secret-reader" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get", "list", "watch"] }],
        }, ns, cancellationToken: ct);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "bridge-reads-secrets" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "secret-reader" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "bridge", NamespaceProperty = ns }],
        }, ns, cancellationToken: ct);
        var request = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 600 } }, "bridge", ns, cancellationToken: ct);
        return request.Status.Token;
    }

    [Fact]
    public async Task Service_account_token_is_limited_to_its_role()
    {
        using var admin = ClientFactory.Create(Host);
        var ns = "rbac-" + Guid.NewGuid().ToString("N")[..8];
        var token = await SetUpReaderAsync(admin, ns);
        var ct = TestContext.Current.CancellationToken;
        using var bridge = ClientFactory.Create(Host, token);

        Assert.Empty((await bridge.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: ct)).Items);
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => bridge.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        var status = JsonNode.Parse(denied.Response.Content)!;
        Assert.Equal("Forbidden", (string?)status["reason"]);
        Assert.Equal($"configmaps is forbidden: User \"system:serviceaccount:{ns}:bridge\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"{ns}\"", (string?)status["message"]);

        var write = await Assert.ThrowsAsync<HttpOperationException>(() =>
            bridge.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "x" } }, ns, cancellationToken: ct));
        Assert.Equal(HttpStatusCode.Forbidden, write.Response.StatusCode);
        var otherNs = await Assert.ThrowsAsync<HttpOperationException>(() => bridge.CoreV1.ListNamespacedSecretAsync("default", cancellationToken: ct));
        Assert.Equal(HttpStatusCode.Forbidden, otherNs.Response.StatusCode);
    }

    [Fact]
    public async Task Resource_names_and_status_subresource_rules_are_honoured()
    {
        using var admin = ClientFactory.Create(Host);
        var ct = TestContext.Current.CancellationToken;
        var ns = "rbac-" + Guid.NewGuid().ToString("N")[..8];
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: ct);
        await admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "mine" } }, ns, cancellationToken: ct);
        await admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "theirs" } }, ns, cancellationToken: ct);
        await admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "one-secret-" + ns },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], ResourceNames = ["mine"], Verbs = ["get"] }],
        }, cancellationToken: ct);
        await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "op-" + ns },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "one-secret-" + ns },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "operator", NamespaceProperty = ns }],
        }, cancellationToken: ct);
        using var op = ClientFactory.Create(Host, Host.IssueServiceAccountToken(ns, "operator"));

        Assert.Equal("mine", (await op.CoreV1.ReadNamespacedSecretAsync("mine", ns, cancellationToken: ct)).Metadata.Name);
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => op.CoreV1.ReadNamespacedSecretAsync("theirs", ns, cancellationToken: ct));
        Assert.Contains($"secrets \\\"theirs\\\" is forbidden: User \\\"system:serviceaccount:{ns}:operator\\\" cannot get resource \\\"secrets\\\"", denied.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_token_gets_401_and_kubectl_reports_forbidden_for_a_limited_token()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = Host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var response = await http.GetAsync("/api/v1/namespaces/default/secrets", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        if (KubectlCli.Find() is null)
        {
            Assert.Skip("kubectl is neither on PATH nor in .tools/bin");
        }

        using var admin = ClientFactory.Create(Host);
        var ns = "rbac-" + Guid.NewGuid().ToString("N")[..8];
        var token = await SetUpReaderAsync(admin, ns);
        using var cli = new KubectlCli(Host.KubeconfigYaml(token, ns));
        (await cli.RunAsync("get", "secrets")).Ok();
        var forbidden = await cli.RunAsync("get", "configmaps");
        Assert.Equal(1, forbidden.ExitCode);
        Assert.Contains($"Error from server (Forbidden): configmaps is forbidden: User \"system:serviceaccount:{ns}:bridge\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"{ns}\"", forbidden.Stderr, StringComparison.Ordinal);
        Assert.Equal("no", (await cli.RunAsync("auth", "can-i", "delete", "secrets")).Stdout.Trim());
    }

    [Fact]
    public async Task Admin_http_twin_needs_the_admin_token()
    {
        using var admin = ClientFactory.Create(Host);
        var ns = "rbac-" + Guid.NewGuid().ToString("N")[..8];
        var token = await SetUpReaderAsync(admin, ns);
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = Host.BaseUri };
        using var asSa = new HttpRequestMessage(HttpMethod.Get, "/_emu/counters");
        asSa.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var denied = await http.SendAsync(asSa, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, "/_emu/counters");
        asAdmin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.AdminToken);
        using var ok = await http.SendAsync(asAdmin, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True((long)body["requests"]!["create serviceaccounts/token"]! >= 1);
    }
}
