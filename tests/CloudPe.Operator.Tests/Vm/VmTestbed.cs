using System.Text;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Crds;
using CloudPe.Operator.Hosting;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

/// <summary>
/// The operator in-process against the Kubernetes API emulator and the CloudPe simulator, all on one fake clock,
/// with a Ready CloudPeServer "cloud" in namespace default. Time moves only when a test advances it.
/// </summary>
internal sealed class VmTestbed : IAsyncDisposable
{
    public const string Ns = "default";
    public const string ServerName = "cloud";
    public const string CredentialsSecret = "cloud-credentials";

    private WebApplication? _operator;

    private VmTestbed(FakeTimeProvider clock, KubeEmulatorHost api, CloudSimulatorHost cloud, Kubernetes client, VmTestbedOptions options)
    {
        Clock = clock;
        Api = api;
        Cloud = cloud;
        Client = client;
        Options = options;
    }

    public FakeTimeProvider Clock { get; }

    public KubeEmulatorHost Api { get; }

    public CloudSimulatorHost Cloud { get; }

    public Kubernetes Client { get; }

    public VmTestbedOptions Options { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The running operator's services.</summary>
    public IServiceProvider Services => _operator?.Services ?? throw new InvalidOperationException("The operator is not running.");

    public static async Task<VmTestbed> StartAsync(VmTestbedOptions? options = null)
    {
        options ??= new VmTestbedOptions();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var api = await KubeEmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var cloud = await CloudSimulatorHost.StartAsync(new SimulatorOptions { TimeProvider = clock, Seed = 7, Latencies = options.Latencies });
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml()))));
        var bed = new VmTestbed(clock, api, cloud, client, options);
        foreach (var crd in CrdGenerator.GenerateCrds())
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(crd.Content));
        }

        await bed.CreateCloudPeServerAsync();
        await bed.StartOperatorAsync(options.CloudHandler);
        await bed.WaitForServerReadyAsync();
        return bed;
    }

    /// <summary>Starts a fresh operator host (after <see cref="StopOperatorAsync"/>, as a restarted process would).</summary>
    public async Task StartOperatorAsync(Func<HttpMessageHandler>? handler = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Operator:LeaderElection:Enabled"] = "false",
            ["Operator:ResyncInterval"] = Options.ResyncInterval.ToString(),
            ["Operator:FleetPageSize"] = Options.FleetPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operator:MaxConcurrentReconciles"] = "4",
            ["Operator:LogFormat"] = "text",
            [CloudPe.Operator.Reconcilers.Vm.VmControllerRegistration.TransitionPollIntervalKey] = "00:00:02",
        };
        _operator = OperatorHost.Create([], new OperatorHostOverrides
        {
            KubernetesConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(Api.KubeconfigYaml()))),
            TimeProvider = Clock,
            Settings = settings,
            ConsoleLogging = false,
            LoggerProvider = Logs,
            DisableHttp = true,
            // No retries and no request timeout: both run on the fake clock, which the tests move in big steps.
            CloudConnections = new CloudConnectionSettings { MaxRetries = 0, RequestTimeout = TimeSpan.FromDays(1), HttpMessageHandlerFactory = handler },
        });
        await _operator.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Stops and disposes the operator host, cancelling whatever reconcile is running.</summary>
    public async Task StopOperatorAsync()
    {
        if (_operator is { } app)
        {
            _operator = null;

            // The shutdown grace period for in-flight reconciles runs on the fake clock: let it pass.
            var stopping = app.StopAsync(CancellationToken.None);
            while (!stopping.IsCompleted)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(stopping, Task.Delay(20, CancellationToken.None));
            }

            await stopping;
            await app.DisposeAsync();
        }
    }

    public static CloudPeVMSpec Spec(
        string flavor = "c1.small",
        string image = "Debian 12",
        string network = "private-v4",
        IpMode ipMode = IpMode.IPv4,
        PowerState power = PowerState.Running,
        int sizeGiB = 30) => new()
        {
            ServerRef = new LocalObjectReference { Name = ServerName },
            Flavor = flavor,
            Image = image,
            Network = network,
            IpMode = ipMode,
            PowerState = power,
            Volume = new VolumeSpec { SizeGiB = sizeGiB },
        };

    public Task<CloudPeVM> CreateVmAsync(string name, CloudPeVMSpec spec, DeletionPolicy policy = DeletionPolicy.Delete)
    {
        spec.DeletionPolicy = policy;
        var vm = new CloudPeVM { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Spec = spec };
        return Client.CustomObjects.CreateNamespacedCustomObjectAsync<CloudPeVM>(vm, CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName);
    }

    public async Task<CloudPeVM?> GetVmAsync(string name)
    {
        try
        {
            return await Client.CustomObjects.GetNamespacedCustomObjectAsync<CloudPeVM>(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<CloudPeVM> PatchVmAsync(string name, string mergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<CloudPeVM>(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name);

    public Task AnnotateAsync(string name, string annotation, string value) =>
        PatchVmAsync(name, new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [annotation] = value } } }.ToJsonString());

    public Task DeleteVmAsync(string name) =>
        Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string name) =>
        (await Client.CoreV1.ListNamespacedEventAsync(Ns)).Items.Where(e => e.InvolvedObject.Name == name).ToList();

    /// <summary>Servers in the simulator stamped for this VM.</summary>
    public IReadOnlyList<ServerSnapshot> ServersOf(CloudPeVM vm) =>
        Cloud.Admin.Snapshot().Servers.Where(s => s.Tags.Contains("cloudpe-uid-" + vm.Metadata.Uid)).ToList();

    /// <summary>
    /// Advances the fake clock one step at a time until <paramref name="condition"/> holds for the VM as the API
    /// server has it; fails after a real-time deadline.
    /// </summary>
    public async Task<CloudPeVM> UntilAsync(string name, Func<CloudPeVM, bool> condition, string what, TimeSpan? step = null, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        CloudPeVM? vm = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            vm = await GetVmAsync(name);
            if (vm is not null && condition(vm))
            {
                return vm;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }

        Assert.Fail($"Timed out waiting until {what}; last status: {(vm is null ? "(no object)" : KubernetesJson.Serialize(vm.Status))}");
        return null!;
    }

    /// <summary>Like <see cref="UntilAsync"/> for any condition (for example on the simulator's state).</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? step = null, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        Client.Dispose();
        await Cloud.DisposeAsync();
        await Api.DisposeAsync();
    }

    private async Task CreateCloudPeServerAsync()
    {
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = CredentialsSecret, NamespaceProperty = Ns },
                StringData = new Dictionary<string, string>
                {
                    [CloudPeServerSpec.ApplicationCredentialIdKey] = Cloud.ApplicationCredentialId,
                    [CloudPeServerSpec.ApplicationCredentialSecretKey] = Cloud.ApplicationCredentialSecret,
                },
            },
            Ns);
        var server = new CloudPeServer
        {
            Metadata = new V1ObjectMeta { Name = ServerName, NamespaceProperty = Ns },
            Spec = new CloudPeServerSpec
            {
                Endpoint = Cloud.Endpoint,
                ProjectPath = Cloud.ProjectPath,
                Secure = false,
                CredentialsSecretRef = new SecretReference { Name = CredentialsSecret },
                MinVolumeSizeGiB = Options.MinVolumeSizeGiB,
            },
        };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(server, CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Ns, CloudPeServer.KubePluralName);
    }

    private async Task WaitForServerReadyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var server = await Client.CustomObjects.GetNamespacedCustomObjectAsync<CloudPeServer>(CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Ns, CloudPeServer.KubePluralName, ServerName);
            if (server.Status.Conditions.Any(c => c.Type == ConditionTypes.Ready && c.Status == ConditionStatus.True) && server.Status.Inventory is not null)
            {
                return;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The CloudPeServer did not become Ready.");
    }
}
