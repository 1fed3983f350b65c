using System.Net;

namespace CloudPe.CloudSimulator.Tests;

public sealed class MicroversionTests
{
    [Fact]
    public async Task Nova_echoes_its_version_ignores_other_services_and_refuses_above_2_96()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var ok = await cloud.SendAsync(HttpMethod.Get, "compute/v2.1/servers", version: "compute 2.67");
        Assert.Equal("compute 2.67", ok.Headers.GetValues("OpenStack-API-Version").Single());
        Assert.Equal(ok.Headers.GetValues("x-openstack-request-id").Single(), ok.Headers.GetValues("x-compute-request-id").Single());

        using var other = await cloud.SendAsync(HttpMethod.Get, "compute/v2.1/servers", version: "volume 3.42");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("compute 2.1", other.Headers.GetValues("OpenStack-API-Version").Single());

        using var legacy = new HttpRequestMessage(HttpMethod.Get, cloud.Host.ProjectPath.TrimStart('/') + "/compute/v2.1/servers");
        legacy.Headers.Add("X-Auth-Token", cloud.Token);
        legacy.Headers.Add("X-OpenStack-Nova-API-Version", "2.26");
        using var legacyResponse = await cloud.Http.SendAsync(legacy, TestCloud.Ct);
        Assert.Equal("compute 2.26", legacyResponse.Headers.GetValues("OpenStack-API-Version").Single());

        var (status, _) = await cloud.CallAsync(HttpMethod.Get, "compute/v2.1/servers", version: "compute 2.97");
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Cinder_rejects_a_compute_header_and_echoes_a_volume_one()
    {
        await using var cloud = await TestCloud.StartAsync();
        var (status, body) = await cloud.CallAsync(HttpMethod.Get, cloud.VolumePath + "/types", version: "compute 2.67");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body!["badRequest"]!["code"]!.GetValue<int>());

        using var ok = await cloud.SendAsync(HttpMethod.Get, cloud.VolumePath + "/types", version: "volume 3.42");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("volume 3.42", ok.Headers.GetValues("OpenStack-API-Version").Single());

        var (above, _) = await cloud.CallAsync(HttpMethod.Get, cloud.VolumePath + "/types", version: "volume 3.71");
        Assert.Equal(HttpStatusCode.NotAcceptable, above);
    }
}
