using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Wire;

namespace CloudPe.KubeEmulator.Hosting;

/// <summary>Server-side applies YAML manifests (a file or every *.yaml/*.yml/*.json in a directory tree) through the emulator's own API.</summary>
internal static class ManifestApplier
{
    public static async Task<int> ApplyAsync(KubeEmulatorHost host, string source)
    {
        var files = Directory.Exists(source)
            ? Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Where(f => !Path.GetFileName(f).StartsWith("kustomization", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [source];
        var objects = new List<JsonObject>();
        foreach (var f in files)
        {
            objects.AddRange(YamlDocuments.Parse(await File.ReadAllTextAsync(f)).Where(o => o["kind"] is not null && o["apiVersion"] is not null));
        }

        // CRDs and namespaces first, like kubectl's ordering in practice.
        var ordered = objects.OrderBy(o => (string?)o["kind"] switch { "CustomResourceDefinition" => 0, "Namespace" => 1, _ => 2 }).ToList();
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && host.CaCertificatePem.Length > 0 &&
                cert.Issuer.Contains("cloudpe-kube-emulator-ca", StringComparison.Ordinal),
        };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);
        foreach (var obj in ordered)
        {
            var url = await ResolveUrlAsync(client, obj);
            using var content = new StringContent(obj.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
            using var response = await client.PatchAsync($"{url}?fieldManager=emulator-apply&force=true", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"applying {obj["kind"]} {obj["metadata"]?["name"]}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        return ordered.Count;
    }

    private static async Task<string> ResolveUrlAsync(HttpClient client, JsonObject obj)
    {
        var apiVersion = (string)obj["apiVersion"]!;
        var kind = (string)obj["kind"]!;
        var name = (string?)obj["metadata"]?["name"] ?? throw new InvalidOperationException($"{kind} without metadata.name");
        var prefix = apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";
        var list = JsonNode.Parse(await client.GetStringAsync(prefix))!;
        var resource = list["resources"]!.AsArray().FirstOrDefault(r => (string?)r?["kind"] == kind && !((string?)r?["name"])!.Contains('/', StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no resource for {apiVersion} {kind}");
        var plural = (string)resource["name"]!;
        var ns = (string?)obj["metadata"]?["namespace"] ?? "default";
        return resource["namespaced"]!.GetValue<bool>() ? $"{prefix}/namespaces/{ns}/{plural}/{name}" : $"{prefix}/{plural}/{name}";
    }
}
