using System.Net;

namespace CloudPe.CloudSimulator.Tests;

public sealed class ProjectPathTests
{
    [Fact]
    public async Task Project_path_slash_serves_a_plain_openstack_without_a_prefix()
    {
        await using var cloud = await TestCloud.StartAsync(projectPath: "/");

        var (status, body) = await cloud.CallAsync(HttpMethod.Post, "v3/auth/tokens",
            TestCloud.AuthBody(cloud.Host.ApplicationCredentialId, cloud.Host.ApplicationCredentialSecret), version: null, token: null);
        var id = await cloud.CreateActiveServerAsync();
        using var versions = await cloud.Http.GetAsync("", TestCloud.Ct);
        using var internalFlavors = new HttpRequestMessage(HttpMethod.Get, "internal/compute/v2.1/flavors");
        internalFlavors.Headers.Add("X-Auth-Token", cloud.Token);
        using var internalAnswer = await cloud.Http.SendAsync(internalFlavors, TestCloud.Ct);
        using var admin = await cloud.Http.GetAsync("_sim/counters", TestCloud.Ct);

        Assert.Equal("/", cloud.Host.ProjectPath);
        Assert.Equal(new Uri($"http://{cloud.Host.Endpoint}/v3"), cloud.Host.AuthUrl);
        Assert.Equal(HttpStatusCode.Created, status);
        var compute = body!["token"]!["catalog"]!.AsArray().Single(s => s!["type"]!.GetValue<string>() == "compute")!["endpoints"]!.AsArray();
        Assert.Contains(compute, e => e!["interface"]!.GetValue<string>() == "public" && e["url"]!.GetValue<string>() == $"http://{cloud.Host.Endpoint}/compute/v2.1");
        Assert.Equal("ACTIVE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)300, versions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, internalAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
