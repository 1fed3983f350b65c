using System.Text;
using CloudPe.KubeEmulator;
using k8s;
using k8s.Models;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>An emulated API server with the Widget CRD applied, and a client for it.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const string Namespace = "default";

    private TestCluster(KubeEmulatorHost api, Kubernetes client)
    {
        Api = api;
        Client = client;
        Widgets = new ResourceClient<Widget>(client);
    }

    public KubeEmulatorHost Api { get; }

    public Kubernetes Client { get; }

    public ResourceClient<Widget> Widgets { get; }

    public static async Task<TestCluster> StartAsync(EmulatorOptions? options = null)
    {
        var api = await KubeEmulatorHost.StartAsync(options ?? new EmulatorOptions());
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml())));
        var client = new Kubernetes(config);
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(WidgetCrd());
        return new TestCluster(api, client);
    }

    public async Task<Widget> CreateWidgetAsync(string name, int size = 1, string? secretName = null) =>
        await Widgets.CreateAsync(new Widget
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new WidgetSpec { Size = size, SecretName = secretName },
        });

    public long Requests(string verbAndResource) => Api.Admin.RequestsByVerbAndResource.GetValueOrDefault(verbAndResource);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }

    private static V1CustomResourceDefinition WidgetCrd()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["spec"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true },
                ["status"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true },
            },
        };
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = "widgets.test.cloudpe.io" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = "test.cloudpe.io",
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ListKind = "WidgetList" },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = "v1",
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = schema },
                        Subresources = new V1CustomResourceSubresources { Status = new object() },
                    },
                ],
            },
        };
    }
}
