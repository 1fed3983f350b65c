using k8s;
using k8s.Models;

namespace CloudPe.Sandbox;

/// <summary>Creates the CloudPe CRDs (the generated YAML of config/crd, embedded at build time).</summary>
internal static class CrdInstaller
{
    public static async Task<IReadOnlyList<string>> InstallAsync(IKubernetes client, CancellationToken ct)
    {
        var assembly = typeof(CrdInstaller).Assembly;
        var names = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("crd/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await reader.ReadToEndAsync(ct));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ct);
            names.Add(crd.Metadata.Name);
        }

        if (names.Count == 0)
        {
            throw new InvalidOperationException("The sandbox was built without the CRDs of config/crd.");
        }

        return names;
    }
}
