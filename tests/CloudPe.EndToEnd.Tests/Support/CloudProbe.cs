using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>Looks at the simulated project through its own OpenStack API, as a user with the application credential would.</summary>
internal sealed class CloudProbe(Uri projectRoot, string credentialId, string credentialSecret)
{
    /// <summary>Reads the credential the sandbox stored in Secret <c>sandbox-app-credential</c>, through kubectl.</summary>
    public static async Task<CloudProbe> FromSandboxAsync(SandboxProcess sandbox, Kubectl kubectl)
    {
        async Task<string> Key(string key) => Encoding.UTF8.GetString(Convert.FromBase64String(
            await kubectl.JsonPathAsync("secret/sandbox-app-credential", $"{{.data.{key}}}")));
        return new CloudProbe(sandbox.CloudProject, await Key("applicationCredentialId"), await Key("applicationCredentialSecret"));
    }

    /// <summary>Every server (name, status), port (id) and volume (size) the project has right now.</summary>
    public async Task<CloudContents> ListAsync()
    {
        using var http = new HttpClient();
        var auth = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("application_credential"),
                    ["application_credential"] = new JsonObject { ["id"] = credentialId, ["secret"] = credentialSecret },
                },
            },
        };
        using var login = await http.PostAsJsonAsync(new Uri(projectRoot + "/v3/auth/tokens"), auth, TestContext.Current.CancellationToken);
        Assert.True(login.IsSuccessStatusCode, $"Keystone answered {(int)login.StatusCode}");
        var catalog = (await login.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!["catalog"]!.AsArray();
        http.DefaultRequestHeaders.Add("X-Auth-Token", login.Headers.GetValues("X-Subject-Token").Single());

        var servers = await GetAsync(http, catalog, "compute", "/servers/detail", "servers");
        var ports = await GetAsync(http, catalog, "network", "/v2.0/ports", "ports");
        var volumes = await GetAsync(http, catalog, "volumev3", "/volumes/detail", "volumes");
        return new CloudContents(
            [.. servers.Select(s => new CloudServer((string)s!["id"]!, (string)s["name"]!, (string)s["status"]!))],
            [.. ports.Select(p => (string)p!["id"]!)],
            [.. volumes.Select(v => new CloudVolume((string)v!["id"]!, (int)v["size"]!))]);
    }

    private static async Task<JsonArray> GetAsync(HttpClient http, JsonArray catalog, string type, string path, string key)
    {
        var root = catalog.Single(s => (string?)s!["type"] == type)!["endpoints"]!.AsArray()
            .Select(e => e!).Single(e => (string?)e["interface"] == "public")["url"]!.GetValue<string>();
        var body = await http.GetFromJsonAsync<JsonObject>(new Uri(root.TrimEnd('/') + path), TestContext.Current.CancellationToken);
        return body![key]!.AsArray();
    }
}

/// <summary>What the project holds.</summary>
internal sealed record CloudContents(IReadOnlyList<CloudServer> Servers, IReadOnlyList<string> PortIds, IReadOnlyList<CloudVolume> Volumes)
{
    public bool IsEmpty => Servers.Count == 0 && PortIds.Count == 0 && Volumes.Count == 0;

    public override string ToString() =>
        $"servers [{string.Join(", ", Servers.Select(s => $"{s.Name} {s.Status}"))}], ports [{string.Join(", ", PortIds)}], volumes [{string.Join(", ", Volumes.Select(v => $"{v.Id} {v.SizeGiB} GiB"))}]";
}

/// <summary>A Nova server.</summary>
internal sealed record CloudServer(string Id, string Name, string Status);

/// <summary>A Cinder volume.</summary>
internal sealed record CloudVolume(string Id, int SizeGiB);
