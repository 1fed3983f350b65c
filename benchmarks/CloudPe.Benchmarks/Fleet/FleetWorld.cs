using System.Text;
using CloudPe.CloudSimulator;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Crds;
using CloudPe.Operator.Status;
using k8s;
using k8s.Models;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// The Kubernetes API emulator and one CloudPe simulator per CloudPeServer (each its own project, so a fleet list
/// returns only that server's VMs), with the CRDs installed and a CloudPeServer plus credentials Secret per simulator.
/// </summary>
internal sealed class FleetWorld : IAsyncDisposable
{
    public const string Namespace = "bench";

    private FleetWorld(KubeEmulatorHost api, IReadOnlyList<CloudSimulatorHost> clouds, Kubernetes client)
    {
        Api = api;
        Clouds = clouds;
        Client = client;
    }

    public KubeEmulatorHost Api { get; }

    public IReadOnlyList<CloudSimulatorHost> Clouds { get; }

    public Kubernetes Client { get; }

    public static string ServerName(int index) => $"cloud-{index}";

    public static async Task<FleetWorld> StartAsync(int servers, TimeSpan buildLatency, CancellationToken ct)
    {
        var api = await KubeEmulatorHost.StartAsync(new EmulatorOptions(), ct);
        var clouds = new List<CloudSimulatorHost>();
        for (var i = 0; i < servers; i++)
        {
            clouds.Add(await CloudSimulatorHost.StartAsync(
                new SimulatorOptions { ProjectPath = $"/openstack/{100 + i}", Seed = 1000 + i, Latencies = new SimulatorLatencies { Build = buildLatency } },
                ct));
        }

        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml(@namespace: Namespace)))));
        var world = new FleetWorld(api, clouds, client);
        await world.InstallAsync(ct);
        return world;
    }

    /// <summary>Waits until every CloudPeServer is Ready with an inventory.</summary>
    public async Task WaitForServersReadyAsync(TimeSpan within, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync<CloudPeServerList>(
                CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Namespace, CloudPeServer.KubePluralName, cancellationToken: ct);
            if (list.Items.Count == Clouds.Count && list.Items.All(s => Conditions.IsTrue(s.Status?.Conditions, ConditionTypes.Ready) && s.Status!.Inventory is not null))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var states = list.Items.Select(s => $"{s.Metadata.Name}: {string.Join(", ", (s.Status?.Conditions ?? []).Select(c => $"{c.Type}={c.Status} {c.Reason} {c.Message}"))}");
                throw new TimeoutException($"The CloudPeServers did not become Ready ({list.Items.Count} of {Clouds.Count} exist): {string.Join("; ", states)}");
            }

            await Task.Delay(200, ct);
        }
    }

    /// <summary>What <c>kubectl apply</c> of one VM sends: a create of the CloudPeVM.</summary>
    public Task<CloudPeVM> ApplyVmAsync(int index, int servers, CancellationToken ct)
    {
        var vm = new CloudPeVM
        {
            ApiVersion = $"{CloudPeVM.KubeGroup}/{CloudPeVM.KubeVersion}",
            Kind = CloudPeVM.KubeKind,
            Metadata = new V1ObjectMeta { Name = $"vm-{index:D5}", NamespaceProperty = Namespace },
            Spec = new CloudPeVMSpec
            {
                ServerRef = new LocalObjectReference { Name = ServerName(index % servers) },
                Flavor = "c1.small",
                Image = "Debian 12",

                // The seeded IPv4 subnets hold about 250 addresses; IPv6 (SLAAC) has no such limit.
                Network = "private-v6",
                IpMode = IpMode.IPv6,
                Volume = new VolumeSpec { SizeGiB = 30 },
            },
        };
        return Client.CustomObjects.CreateNamespacedCustomObjectAsync<CloudPeVM>(vm, CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Namespace, CloudPeVM.KubePluralName, cancellationToken: ct);
    }

    public async Task<IReadOnlyList<CloudPeVM>> ListVmsAsync(CancellationToken ct) => (await ListVmsWithVersionAsync(ct)).Items;

    /// <summary>Every CloudPeVM and the list's resourceVersion, to watch from.</summary>
    public async Task<(IReadOnlyList<CloudPeVM> Items, string ResourceVersion)> ListVmsWithVersionAsync(CancellationToken ct)
    {
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync<CloudPeVMList>(
            CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Namespace, CloudPeVM.KubePluralName, cancellationToken: ct);
        return ([.. list.Items], list.Metadata.ResourceVersion);
    }

    /// <summary>Changes of CloudPeVMs after <paramref name="resourceVersion"/>: cheaper for the API than listing every VM again.</summary>
    public async IAsyncEnumerable<(WatchEventType Type, CloudPeVM Vm)> WatchVmsAsync(string resourceVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var events = Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Namespace, CloudPeVM.KubePluralName, resourceVersion: resourceVersion, cancellationToken: ct);
        await foreach (var (type, item) in events.WithCancellation(ct))
        {
            if (type is WatchEventType.Added or WatchEventType.Modified)
            {
                yield return (type, KubernetesJson.Deserialize<CloudPeVM>(KubernetesJson.Serialize(item)));
            }
        }
    }

    public void ResetCounters()
    {
        Api.Admin.ResetCounters();
        foreach (var cloud in Clouds)
        {
            cloud.Admin.ResetCounters();
        }
    }

    /// <summary>Simulator requests per route key, summed over every simulator.</summary>
    public Dictionary<string, long> CloudRequests()
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cloud in Clouds)
        {
            foreach (var (route, count) in cloud.Admin.Counters.ByRoute)
            {
                sum[route] = sum.GetValueOrDefault(route) + count;
            }
        }

        return sum;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var cloud in Clouds)
        {
            await cloud.DisposeAsync();
        }

        await Api.DisposeAsync();
    }

    private async Task InstallAsync(CancellationToken ct)
    {
        foreach (var crd in CrdGenerator.GenerateCrds())
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(crd.Content), cancellationToken: ct);
        }

        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: ct);
        for (var i = 0; i < Clouds.Count; i++)
        {
            var cloud = Clouds[i];
            var secretName = ServerName(i) + "-credentials";
            await Client.CoreV1.CreateNamespacedSecretAsync(
                new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = secretName, NamespaceProperty = Namespace },
                    StringData = new Dictionary<string, string>
                    {
                        [CloudPeServerSpec.ApplicationCredentialIdKey] = cloud.ApplicationCredentialId,
                        [CloudPeServerSpec.ApplicationCredentialSecretKey] = cloud.ApplicationCredentialSecret,
                    },
                },
                Namespace,
                cancellationToken: ct);
            var server = new CloudPeServer
            {
                ApiVersion = $"{CloudPeServer.KubeGroup}/{CloudPeServer.KubeVersion}",
                Kind = CloudPeServer.KubeKind,
                Metadata = new V1ObjectMeta { Name = ServerName(i), NamespaceProperty = Namespace },
                Spec = new CloudPeServerSpec
                {
                    Endpoint = cloud.Endpoint,
                    ProjectPath = cloud.ProjectPath,
                    Secure = false,
                    CredentialsSecretRef = new SecretReference { Name = secretName },
                },
            };
            await Client.CustomObjects.CreateNamespacedCustomObjectAsync(server, CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Namespace, CloudPeServer.KubePluralName, cancellationToken: ct);
        }
    }
}
