using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

public sealed class IdentityTests
{
    [Fact]
    public async Task Token_carries_expiry_project_roles_and_a_catalog_with_public_and_internal_endpoints()
    {
        await using var cloud = await TestCloud.StartAsync();
        var (status, body) = await cloud.CallAsync(HttpMethod.Post, "v3/auth/tokens",
            TestCloud.AuthBody(cloud.Host.ApplicationCredentialId, cloud.Host.ApplicationCredentialSecret), version: null, token: null);

        Assert.Equal(HttpStatusCode.Created, status);
        var token = body!["token"]!;
        Assert.Equal("2026-03-01T13:00:00.000000Z", token["expires_at"]!.GetValue<string>());
        Assert.Equal(cloud.Host.ProjectId, token["project"]!["id"]!.GetValue<string>());
        Assert.Contains("member", token["roles"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        var compute = token["catalog"]!.AsArray().Single(s => s!["type"]!.GetValue<string>() == "compute")!["endpoints"]!.AsArray();
        var root = $"http://{cloud.Host.Endpoint}{cloud.Host.ProjectPath}";
        Assert.Contains(compute, e => e!["interface"]!.GetValue<string>() == "public" && e["url"]!.GetValue<string>() == root + "/compute/v2.1" && e["region_id"]!.GetValue<string>() == "RegionOne");
        var internalUrl = compute.Single(e => e!["interface"]!.GetValue<string>() == "internal")!["url"]!.GetValue<string>();
        Assert.NotEqual(root + "/compute/v2.1", internalUrl);
        var volume = token["catalog"]!.AsArray().Single(s => s!["type"]!.GetValue<string>() == "volumev3")!["endpoints"]![0]!["url"]!.GetValue<string>();
        Assert.EndsWith("/volume/v3/" + cloud.Host.ProjectId, volume, StringComparison.Ordinal);

        // The internal URL really answers.
        using var request = new HttpRequestMessage(HttpMethod.Get, internalUrl + "/flavors/detail");
        request.Headers.Add("X-Auth-Token", cloud.Token);
        using var response = await cloud.Http.SendAsync(request, TestCloud.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_secret_or_unknown_credential_is_401_in_the_keystone_envelope()
    {
        await using var cloud = await TestCloud.StartAsync();
        foreach (var (id, secret) in new[] { (cloud.Host.ApplicationCredentialId, "wrong"), ("unknown", cloud.Host.ApplicationCredentialSecret) })
        {
            var (status, body) = await cloud.CallAsync(HttpMethod.Post, "v3/auth/tokens", TestCloud.AuthBody(id, secret), version: null, token: null);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(401, body!["error"]!["code"]!.GetValue<int>());
            Assert.Equal("Unauthorized", body["error"]!["title"]!.GetValue<string>());
            Assert.Equal("The request you have made requires authentication.", body["error"]!["message"]!.GetValue<string>());
        }

        Assert.Equal(3, cloud.Host.Admin.Counters.ByRoute["identity POST /v3/auth/tokens"]);
    }

    [Fact]
    public async Task Token_expires_on_the_clock_and_revocation_kills_it()
    {
        await using var cloud = await TestCloud.StartAsync(tokenLifetime: TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await cloud.CallAsync(HttpMethod.Get, "compute/v2.1/flavors/detail")).Status);

        cloud.Clock.Advance(TimeSpan.FromMinutes(10));
        var (expired, body) = await cloud.CallAsync(HttpMethod.Get, "compute/v2.1/flavors/detail");
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal(401, body!["error"]!["code"]!.GetValue<int>());

        var second = cloud.Host.Admin.CreateApplicationCredential();
        var fresh = await cloud.AuthenticateAsync(second.Id, second.Secret);
        Assert.Equal(HttpStatusCode.OK, (await cloud.CallAsync(HttpMethod.Get, "network/v2.0/networks", token: fresh)).Status);

        using var revoke = await cloud.Http.PostAsync("_sim/tokens/revoke", null, TestCloud.Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cloud.CallAsync(HttpMethod.Get, "network/v2.0/networks", token: fresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cloud.CallAsync(HttpMethod.Get, "network/v2.0/networks", token: null)).Status);
    }

    [Fact]
    public async Task Outside_the_project_path_is_a_plain_text_404_with_a_request_id()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var response = await cloud.Http.GetAsync("openstack/99/compute/v2.1/servers", TestCloud.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("req-", response.Headers.GetValues("x-openstack-request-id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_documents_answer_without_a_token()
    {
        await using var cloud = await TestCloud.StartAsync();
        var identity = await cloud.CallAsync(HttpMethod.Get, "v3", version: null, token: null);
        Assert.Equal(HttpStatusCode.OK, identity.Status);
        Assert.StartsWith("v3", identity.Body!["version"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var compute = await cloud.CallAsync(HttpMethod.Get, "compute/v2.1", version: null, token: null);
        Assert.Equal("2.96", compute.Body!["version"]!["version"]!.GetValue<string>());
        Assert.Equal("2.1", compute.Body["version"]!["min_version"]!.GetValue<string>());
        var root = await cloud.CallAsync(HttpMethod.Get, "", version: null, token: null);
        Assert.Equal(HttpStatusCode.MultipleChoices, root.Status);
        Assert.IsType<JsonArray>(root.Body!["versions"]!["values"]);
    }
}
