using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.CloudSimulator.Tests;

/// <summary>A simulator on a fake clock plus a raw HttpClient that already holds a token.</summary>
internal sealed class TestCloud : IAsyncDisposable
{
    public const string Compute = "compute 2.67";

    private TestCloud(CloudSimulatorHost host, FakeTimeProvider clock, HttpClient http)
    {
        Host = host;
        Clock = clock;
        Http = http;
    }

    public CloudSimulatorHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; }
    public string Token { get; private set; } = "";
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
    public string VolumePath => $"volume/v3/{Host.ProjectId}";

    public static async Task<TestCloud> StartAsync(SimulatorLatencies? latencies = null, TimeSpan? tokenLifetime = null, string projectPath = "/openstack/14")
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var host = await CloudSimulatorHost.StartAsync(new SimulatorOptions
        {
            TimeProvider = clock,
            Latencies = latencies ?? new SimulatorLatencies(),
            TokenLifetime = tokenLifetime ?? TimeSpan.FromHours(1),
            Seed = 42,
            ProjectPath = projectPath,
        }, Ct);
        var cloud = new TestCloud(host, clock, new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(30) });
        cloud.Token = await cloud.AuthenticateAsync(host.ApplicationCredentialId, host.ApplicationCredentialSecret);
        return cloud;
    }

    public async Task<string> AuthenticateAsync(string id, string secret)
    {
        using var response = await SendAsync(HttpMethod.Post, "v3/auth/tokens", AuthBody(id, secret), token: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    public static JsonObject AuthBody(string id, string secret) => new()
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("application_credential"),
                ["application_credential"] = new JsonObject { ["id"] = id, ["secret"] = secret },
            },
        },
    };

    /// <summary>Sends to a path under the project prefix; <paramref name="token"/> defaults to the held token.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? version = Compute, string? token = "")
    {
        using var request = new HttpRequestMessage(method, Host.ProjectPath.Trim('/') + "/" + path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (version is not null)
        {
            request.Headers.Add("OpenStack-API-Version", version);
        }

        var effectiveToken = token == "" ? Token : token;
        if (effectiveToken is not null)
        {
            request.Headers.Add("X-Auth-Token", effectiveToken);
        }

        return await Http.SendAsync(request, Ct);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(HttpMethod method, string path, JsonNode? body = null, string? version = Compute, string? token = "")
    {
        using var response = await SendAsync(method, path, body, version, token);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> GetAsync(string path, string? version = Compute)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, path, version: version);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public async Task<JsonObject> ServerAsync(string id) => (JsonObject)(await GetAsync($"compute/v2.1/servers/{id}"))["server"]!;

    public async Task<string> IdByNameAsync(string path, string collection, string name)
    {
        var list = (JsonArray)(await GetAsync(path))[collection]!;
        return list.Single(i => i!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
    }

    /// <summary>Boot-from-volume create as the operator sends it; returns the response.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CreateServerAsync(
        string name = "vm-1", string flavor = "c1.small", string network = "public-net", string image = "Ubuntu 24.04",
        int volumeSize = 20, JsonArray? tags = null, string version = Compute, Action<JsonObject>? edit = null)
    {
        var server = await ServerBodyAsync(name, flavor, network, image, volumeSize);
        if (tags is not null)
        {
            server["tags"] = tags;
        }

        edit?.Invoke(server);
        return await CallAsync(HttpMethod.Post, "compute/v2.1/servers", new JsonObject { ["server"] = server }, version);
    }

    /// <summary>The <c>server</c> object of a boot-from-volume create, with the IDs looked up by name.</summary>
    public async Task<JsonObject> ServerBodyAsync(
        string name = "vm-1", string flavor = "c1.small", string network = "public-net", string image = "Ubuntu 24.04", int volumeSize = 20)
    {
        return new JsonObject
        {
            ["name"] = name,
            ["flavorRef"] = await IdByNameAsync("compute/v2.1/flavors/detail", "flavors", flavor),
            ["networks"] = new JsonArray(new JsonObject { ["uuid"] = await IdByNameAsync("network/v2.0/networks", "networks", network) }),
            ["security_groups"] = new JsonArray(new JsonObject { ["name"] = "web" }),
            ["block_device_mapping_v2"] = new JsonArray(new JsonObject
            {
                ["boot_index"] = 0,
                ["uuid"] = await IdByNameAsync("image/v2/images?limit=100", "images", image),
                ["source_type"] = "image",
                ["destination_type"] = "volume",
                ["volume_size"] = volumeSize,
                ["volume_type"] = "General Purpose",
                ["delete_on_termination"] = true,
            }),
            ["metadata"] = new JsonObject { ["cloudpe_uid"] = "uid-" + name },
        };
    }

    public async Task<string> CreateActiveServerAsync(string name = "vm-1", JsonArray? tags = null)
    {
        var (status, body) = await CreateServerAsync(name, tags: tags);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body!["server"]!["id"]!.GetValue<string>();
        Assert.Equal("ACTIVE", (await ServerAsync(id))["status"]!.GetValue<string>());
        return id;
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> ActionAsync(string id, JsonNode action, string version = Compute) =>
        CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/action", action, version);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
