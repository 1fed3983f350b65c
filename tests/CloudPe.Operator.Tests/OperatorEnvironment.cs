using System.Text;
using CloudPe.CloudSimulator;
using CloudPe.Controllers;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Hosting;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Operator.Tests;

/// <summary>
/// The Kubernetes API emulator (with the checked-in CRDs), the CloudPe simulator and the operator, all in-process.
/// The operator's clock is a <see cref="FakeTimeProvider"/>; Kestrel and watches run on real time.
/// </summary>
internal sealed class OperatorEnvironment : IAsyncDisposable
{
    private OperatorEnvironment(KubeEmulatorHost api, Kubernetes client, CloudSimulatorHost cloud, FakeTimeProvider clock)
    {
        Api = api;
        Client = client;
        Cloud = cloud;
        Clock = clock;
        Servers = new ResourceClient<CloudPeServer>(client);
        Vms = new ResourceClient<CloudPeVM>(client);
    }

    public KubeEmulatorHost Api { get; }

    public Kubernetes Client { get; }

    public CloudSimulatorHost Cloud { get; }

    public FakeTimeProvider Clock { get; }

    public ResourceClient<CloudPeServer> Servers { get; }

    public ResourceClient<CloudPeVM> Vms { get; }

    public WebApplication Operator { get; private set; } = null!;

    public CapturedLog Log { get; } = new();

    public ReconcileCounter ServerReconciles { get; private set; } = null!;

    public static async Task<OperatorEnvironment> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var api = await KubeEmulatorHost.StartAsync(new EmulatorOptions());
        var config = KubeconfigOf(api);
        var client = new Kubernetes(config);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "config", "crd"), "cloudpe.io_*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cloud = await CloudSimulatorHost.StartAsync(new SimulatorOptions { Seed = 7 });
        var environment = new OperatorEnvironment(api, client, cloud, clock);
        var values = new Dictionary<string, string?>
        {
            ["Operator:HttpPort"] = "0",
            ["Operator:LeaderElection:Enabled"] = "false",
            ["Operator:ResyncInterval"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        environment.Operator = OperatorHost.Create([], new OperatorHostOverrides
        {
            KubernetesConfiguration = KubeconfigOf(api),
            TimeProvider = clock,
            Settings = values,
            LogSink = environment.Log.Logger,
            ConsoleLogging = false,
            RunVmController = false,
            CloudConnections = new CloudConnectionSettings { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) },
        });
        environment.ServerReconciles = new ReconcileCounter(
            environment.Operator.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "cloudpeserver");
        await environment.Operator.StartAsync();
        return environment;
    }

    public static KubernetesClientConfiguration KubeconfigOf(KubeEmulatorHost api) =>
        KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml())));

    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 63)];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async Task CreateSecretAsync(string ns, string name, IReadOnlyDictionary<string, string> data) =>
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Data = data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value)),
            },
            ns);

    public async Task ReplaceSecretDataAsync(string ns, string name, IReadOnlyDictionary<string, string> data)
    {
        var secret = await Client.CoreV1.ReadNamespacedSecretAsync(name, ns);
        secret.Data = data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value));
        await Client.CoreV1.ReplaceNamespacedSecretAsync(secret, name, ns);
    }

    public Task CreateCredentialsAsync(string ns, string name = "app-credential", string? secret = null) =>
        CreateSecretAsync(ns, name, new Dictionary<string, string>
        {
            [CloudPeServerSpec.ApplicationCredentialIdKey] = Cloud.ApplicationCredentialId,
            [CloudPeServerSpec.ApplicationCredentialSecretKey] = secret ?? Cloud.ApplicationCredentialSecret,
        });

    public Task<CloudPeServer> CreateServerAsync(string ns, string name, Action<CloudPeServerSpec>? edit = null, string secretName = "app-credential")
    {
        var spec = new CloudPeServerSpec
        {
            Endpoint = Cloud.Endpoint,
            ProjectPath = Cloud.ProjectPath,
            Secure = false,
            CredentialsSecretRef = new SecretReference { Name = secretName },
        };
        edit?.Invoke(spec);
        return Servers.CreateAsync(new CloudPeServer { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec });
    }

    public async Task<CloudPeServer> GetServerAsync(string ns, string name) =>
        await Servers.GetAsync(ns, name) ?? throw new InvalidOperationException($"CloudPeServer {ns}/{name} does not exist.");

    /// <summary>Waits until condition <paramref name="type"/> has <paramref name="reason"/> (real time; reconciles run on their own).</summary>
    public Task<CloudPeServer> WaitForConditionAsync(string ns, string name, string type, string reason, TimeSpan? within = null) =>
        Poll.UntilAsync(
            () => GetServerAsync(ns, name),
            s => s.Status?.Conditions?.Any(c => c.Type == type && c.Reason == reason && c.ObservedGeneration == s.Metadata.Generation) == true,
            $"{type} has reason {reason} on {ns}/{name}",
            within);

    public Task<CloudPeServer> WaitForReadyAsync(string ns, string name) =>
        WaitForConditionAsync(ns, name, ConditionTypes.Ready, Status.ConditionReasons.Ready);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string ns) => (await Client.CoreV1.ListNamespacedEventAsync(ns)).Items.ToList();

    public async ValueTask DisposeAsync()
    {
        await Operator.StopAsync();
        await Operator.DisposeAsync();
        ServerReconciles.Dispose();
        Client.Dispose();
        await Cloud.DisposeAsync();
        await Api.DisposeAsync();
    }
}
