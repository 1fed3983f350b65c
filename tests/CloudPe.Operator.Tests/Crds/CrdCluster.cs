using System.Text;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Crds;
using k8s;
using k8s.Models;
using Xunit;
using YamlDotNet.Serialization;

namespace CloudPe.Operator.Tests.Crds;

/// <summary>An emulated API server with the generated CRDs installed the way kubectl would send them (YAML as JSON).</summary>
public sealed class CrdCluster : IAsyncLifetime
{
    public const string Namespace = "default";

    private KubeEmulatorHost? api;

    public Kubernetes Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        api = await KubeEmulatorHost.StartAsync(new EmulatorOptions());
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml())));
        Client = new Kubernetes(config);
        foreach (var crd in CrdGenerator.GenerateCrds())
        {
            var json = YamlToJson(crd.Content).ToJsonString();
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(json));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }

    private static JsonNode YamlToJson(string yaml)
    {
        var tree = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return ToJson(tree)!;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        Dictionary<object, object> map => new JsonObject(map.Select(kv => KeyValuePair.Create((string)kv.Key, ToJson(kv.Value)))),
        List<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        null => null,
        _ => JsonValue.Create(value),
    };
}
