using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator;
using CloudPe.Controllers;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Hosting;
using CloudPe.Operator.Reconcilers.Vm;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// The Kubernetes API emulator, the CloudPe simulator and operator host(s), in-process on one fake clock, with a
/// seeded <see cref="Random"/>, a sink for every log line, a registry of every secret handed out, and a Ready
/// CloudPeServer <see cref="ServerName"/> in namespace <see cref="Ns"/>. The operator runs with the ServiceAccount
/// token and RBAC of config/rbac.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    public const string Ns = "tenant-a";
    public const string ServerName = "cloud";
    public const string CredentialsSecret = "cloud-credentials";

    private readonly List<OperatorInstance> _operators = [];
    private readonly CancellationTokenSource _disposing = new();

    private World(WorldOptions options, FakeTimeProvider clock, KubeEmulatorHost api, CloudSimulatorHost cloud, Kubernetes admin, CancellationToken cancellationToken)
    {
        Options = options;
        Clock = clock;
        Api = api;
        Cloud = cloud;
        Admin = admin;
        Random = new Random(options.Seed);
        CancellationToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token).Token;
    }

    public WorldOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public KubeEmulatorHost Api { get; }

    public CloudSimulatorHost Cloud { get; }

    /// <summary>A client with full rights: the test plays the user (and the cluster admin).</summary>
    public Kubernetes Admin { get; }

    public Random Random { get; }

    public CancellationToken CancellationToken { get; }

    public string OperatorToken { get; private set; } = "";

    public LogSink Logs { get; } = new();

    public SecretRegistry Secrets { get; } = new();

    public CloudRequestLog CloudRequests { get; } = new();

    /// <summary>Port and volume IDs that existed before any VM (none with the seed data; kept for safety).</summary>
    public IReadOnlySet<string> Baseline { get; private set; } = new HashSet<string>();

    public IReadOnlyList<OperatorInstance> Operators => _operators;

    public static async Task<World> StartAsync(WorldOptions? options = null, CancellationToken cancellationToken = default, bool startOperator = true)
    {
        options ??= new WorldOptions();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = await KubeEmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = clock }, cancellationToken);
        var cloud = await CloudSimulatorHost.StartAsync(new SimulatorOptions { TimeProvider = clock, Seed = options.Seed, Latencies = options.Latencies }, cancellationToken);
        var admin = new Kubernetes(Config(api, null));
        var world = new World(options, clock, api, cloud, admin, cancellationToken);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "config", "crd"), "cloudpe.io_*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            await admin.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }

        await RbacManifests.ApplyAsync(admin, cancellationToken);
        world.OperatorToken = options.LeastPrivilege ? api.IssueServiceAccountToken(RbacManifests.OperatorNamespace, RbacManifests.ServiceAccount) : api.AdminToken;
        world.Secrets.Add(world.OperatorToken);
        world.Secrets.Add(api.AdminToken);
        world.Secrets.Add(cloud.ApplicationCredentialSecret);
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } }, cancellationToken: cancellationToken);
        await world.CreateCloudPeServerAsync(ServerName, CredentialsSecret, cloud.Endpoint, cloud.ProjectPath);
        var snapshot = cloud.Admin.Snapshot();
        world.Baseline = snapshot.Ports.Select(p => p.Id).Concat(snapshot.Volumes.Select(v => v.Id)).ToHashSet(StringComparer.Ordinal);
        if (startOperator)
        {
            await world.StartOperatorAsync();
            await world.WaitForServerReadyAsync(ServerName);
        }

        return world;
    }

    public static KubernetesClientConfiguration Config(KubeEmulatorHost api, string? token, string ns = Ns) =>
        KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(api.KubeconfigYaml(token, ns))));

    /// <summary>Starts one more operator host (a restarted process, or a second replica with leader election).</summary>
    public async Task<OperatorInstance> StartOperatorAsync(bool leaderElection = false, TimeSpan? leaseDuration = null)
    {
        var crash = new CrashSwitch();
        var identity = $"operator-{_operators.Count + 1}";
        var kube = Config(Api, OperatorToken);
        var settings = new Dictionary<string, string?>
        {
            ["Operator:LeaderElection:Enabled"] = leaderElection ? "true" : "false",
            ["Operator:LeaderElection:LeaseNamespace"] = RbacManifests.OperatorNamespace,
            ["Operator:ResyncInterval"] = Options.ResyncInterval.ToString(),
            ["Operator:MaxConcurrentReconciles"] = Options.MaxConcurrentReconciles.ToString(CultureInfo.InvariantCulture),
            ["Operator:LogFormat"] = "text",
            [VmControllerRegistration.TransitionPollIntervalKey] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        var app = OperatorHost.Create([], new OperatorHostOverrides
        {
            KubernetesConfiguration = kube,
            TimeProvider = Clock,
            Settings = settings,
            ConsoleLogging = false,
            LoggerProvider = Logs,
            DisableHttp = true,
            CloudConnections = new CloudConnectionSettings
            {
                MaxRetries = Options.MaxRetries,
                RetryBaseDelay = TimeSpan.FromSeconds(1),
                RequestTimeout = Options.RequestTimeout,
                HttpMessageHandlerFactory = () => new CloudRequestRecorder(crash, CloudRequests, Secrets, Cloud.ProjectPath) { InnerHandler = new SocketsHttpHandler() },
            },
            ConfigureServices = services =>
            {
                services.AddSingleton<IKubernetes>(_ => new Kubernetes(kube, new FreezingKubeHandler(crash)));
                services.Configure<ControllerManagerOptions>(o =>
                {
                    // A killed process gets no grace period.
                    o.ShutdownGracePeriod = TimeSpan.Zero;
                    o.LeaderElection.Identity = identity;
                    if (leaseDuration is { } lease)
                    {
                        o.LeaderElection.LeaseDuration = lease;
                        o.LeaderElection.RenewDeadline = lease * 2 / 3;
                        o.LeaderElection.RetryPeriod = lease / 6;
                    }
                });
            },
        });
        await app.StartAsync(CancellationToken);
        var instance = new OperatorInstance(app, crash, identity);
        _operators.Add(instance);
        return instance;
    }

    /// <summary>Kills an operator: its hung requests are cancelled, nothing is flushed (no grace period).</summary>
    public async Task StopOperatorAsync(OperatorInstance instance)
    {
        if (instance.Stopped)
        {
            return;
        }

        instance.Stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await instance.App.StopAsync(timeout.Token);
        await instance.App.DisposeAsync();
    }

    /// <summary>Kills the running operator(s) and starts a fresh one: a crash and a restart.</summary>
    public async Task<OperatorInstance> RestartAsync()
    {
        foreach (var running in _operators.Where(o => !o.Stopped).ToList())
        {
            await StopOperatorAsync(running);
        }

        return await StartOperatorAsync();
    }

    public OperatorInstance Current => _operators.Last(o => !o.Stopped);

    /// <summary>One poll step: a short real pause for the operator's threads, then the fake clock moves on.</summary>
    public async Task StepAsync(TimeSpan? step = null)
    {
        await Task.Delay(20, CancellationToken);
        Clock.Advance(step ?? Options.ClockStep);
    }

    /// <summary>Steps until <paramref name="condition"/> holds; false when the real-time deadline passes first.</summary>
    public async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan? step = null)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await StepAsync(step);
        }

        return await condition();
    }

    /// <summary>Steps until the invariants hold; returns the violations still left at the deadline (empty = converged).</summary>
    public async Task<IReadOnlyList<string>> ConvergeAsync(TimeSpan within, IReadOnlyDictionary<string, string>? expectedFailures = null)
    {
        IReadOnlyList<string> violations = [];
        await UntilAsync(
            async () =>
            {
                violations = await Invariants.CheckAsync(this, expectedFailures);
                return violations.Count == 0;
            },
            within);
        return violations;
    }

    public static CloudPeVMSpec Spec(
        string flavor = "c1.small",
        string image = "Debian 12",
        string network = "private-v4",
        IpMode ipMode = IpMode.IPv4,
        PowerState power = PowerState.Running,
        int sizeGiB = 30,
        string server = ServerName) => new()
        {
            ServerRef = new LocalObjectReference { Name = server },
            Flavor = flavor,
            Image = image,
            Network = network,
            IpMode = ipMode,
            PowerState = power,
            Volume = new VolumeSpec { SizeGiB = sizeGiB },
        };

    public Task<CloudPeVM> CreateVmAsync(string name, CloudPeVMSpec spec) =>
        Admin.CustomObjects.CreateNamespacedCustomObjectAsync<CloudPeVM>(
            new CloudPeVM { ApiVersion = "cloudpe.io/v1alpha1", Kind = "CloudPeVM", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Spec = spec },
            CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, cancellationToken: CancellationToken);

    public async Task<CloudPeVM?> GetVmAsync(string name)
    {
        try
        {
            return await Admin.CustomObjects.GetNamespacedCustomObjectAsync<CloudPeVM>(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name, CancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<CloudPeVM>> ListVmsAsync() =>
        (await Admin.CustomObjects.ListNamespacedCustomObjectAsync<CloudPeVMList>(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, cancellationToken: CancellationToken)).Items.ToList();

    public async Task<CloudPeServer> GetServerAsync(string name) =>
        await Admin.CustomObjects.GetNamespacedCustomObjectAsync<CloudPeServer>(CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Ns, CloudPeServer.KubePluralName, name, CancellationToken);

    public Task<CloudPeVM> PatchVmAsync(string name, JsonObject mergePatch) =>
        AsUserAsync(() => Admin.CustomObjects.PatchNamespacedCustomObjectAsync<CloudPeVM>(
            new V1Patch(mergePatch.ToJsonString(), V1Patch.PatchType.MergePatch), CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name, cancellationToken: CancellationToken));

    public Task<CloudPeVM> PatchSpecAsync(string name, JsonObject spec) => PatchVmAsync(name, new JsonObject { ["spec"] = spec });

    public Task AnnotateAsync(string name, string annotation, string value) =>
        PatchVmAsync(name, new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [annotation] = value } } });

    public Task DeleteVmAsync(string name) =>
        AsUserAsync(() => Admin.CustomObjects.DeleteNamespacedCustomObjectAsync(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name, cancellationToken: CancellationToken));

    /// <summary>Like kubectl, a user's write is retried when the API server answers 409 (injected write conflicts hit users too).</summary>
    private async Task<T> AsUserAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
                // Try again.
            }
        }
    }

    public async Task CreateSecretAsync(string name, IReadOnlyDictionary<string, byte[]> data)
    {
        foreach (var (key, value) in data)
        {
            if (key != CloudPeServerSpec.ApplicationCredentialIdKey)
            {
                Secrets.Add(Encoding.UTF8.GetString(value));
            }
        }

        await Admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Data = data.ToDictionary() }, Ns, cancellationToken: CancellationToken);
    }

    public Task CreateSecretAsync(string name, string key, string value) =>
        CreateSecretAsync(name, new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) });

    public async Task CreateCloudPeServerAsync(string name, string secretName, string endpoint, string projectPath, Action<CloudPeServerSpec>? edit = null, bool createSecret = true)
    {
        if (createSecret && !await SecretExistsAsync(secretName))
        {
            await CreateSecretAsync(secretName, new Dictionary<string, byte[]>
            {
                [CloudPeServerSpec.ApplicationCredentialIdKey] = Encoding.UTF8.GetBytes(Cloud.ApplicationCredentialId),
                [CloudPeServerSpec.ApplicationCredentialSecretKey] = Encoding.UTF8.GetBytes(Cloud.ApplicationCredentialSecret),
            });
        }

        var spec = new CloudPeServerSpec
        {
            Endpoint = endpoint,
            ProjectPath = projectPath,
            Secure = false,
            CredentialsSecretRef = new SecretReference { Name = secretName },
            MinVolumeSizeGiB = Options.MinVolumeSizeGiB,
        };
        edit?.Invoke(spec);
        await Admin.CustomObjects.CreateNamespacedCustomObjectAsync(
            new CloudPeServer { ApiVersion = "cloudpe.io/v1alpha1", Kind = "CloudPeServer", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Spec = spec },
            CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Ns, CloudPeServer.KubePluralName, cancellationToken: CancellationToken);
    }

    public async Task WaitForServerReadyAsync(string name)
    {
        var ready = await UntilAsync(
            async () =>
            {
                var server = await GetServerAsync(name);
                return server.Status?.Inventory is not null && server.Status.Conditions.Any(c => c.Type == ConditionTypes.Ready && c.Status == ConditionStatus.True);
            },
            TimeSpan.FromSeconds(30));
        if (!ready)
        {
            throw new InvalidOperationException($"CloudPeServer {name} did not become Ready: {KubernetesJson.Serialize((await GetServerAsync(name)).Status)}");
        }
    }

    /// <summary>
    /// Every place a secret could leak to: log lines, Events, the status of every object, and the message of every
    /// logged exception (part of the log lines). Returns one line per hit, without the secret itself.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScanForSecretsAsync()
    {
        // Passwords the operator generated live in the Secrets it owns: collect them before scanning.
        foreach (var secret in (await Admin.CoreV1.ListNamespacedSecretAsync(Ns, cancellationToken: CancellationToken)).Items)
        {
            // The application credential ID is an identifier, not a secret (logs name it on purpose).
            foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
            {
                if (key != CloudPeServerSpec.ApplicationCredentialIdKey)
                {
                    Secrets.Add(Encoding.UTF8.GetString(value));
                }
            }
        }

        var places = new List<(string Where, string Text)>();
        places.AddRange(Logs.Lines.Select(l => ("log", l)));
        places.AddRange((await Admin.CoreV1.ListEventForAllNamespacesAsync(cancellationToken: CancellationToken)).Items.Select(e => ("event", $"{e.Reason} {e.Message}")));
        places.AddRange((await ListVmsAsync()).Select(v => ("CloudPeVM", KubernetesJson.Serialize(v))));
        var servers = await Admin.CustomObjects.ListNamespacedCustomObjectAsync<CloudPeServerList>(CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Ns, CloudPeServer.KubePluralName, cancellationToken: CancellationToken);
        places.AddRange(servers.Items.Select(s => ("CloudPeServer", KubernetesJson.Serialize(s))));
        var hits = new List<string>();
        var secrets = Secrets.Values;
        foreach (var (where, text) in places)
        {
            var hit = secrets.Count(s => text.Contains(s, StringComparison.Ordinal));
            if (hit > 0)
            {
                hits.Add($"{where}: {hit} secret value(s) in: {Redact(text, secrets)}");
            }
        }

        return hits;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _operators)
        {
            try
            {
                await StopOperatorAsync(instance);
            }
            catch (OperationCanceledException)
            {
                // Stopping a hung host timed out; disposal below still frees its resources.
            }
        }

        await _disposing.CancelAsync();
        Admin.Dispose();
        await Cloud.DisposeAsync();
        await Api.DisposeAsync();
        _disposing.Dispose();
    }

    private static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "<SECRET>", StringComparison.Ordinal);
        }

        return text.Length > 1500 ? text[..1500] : text;
    }

    private async Task<bool> SecretExistsAsync(string name)
    {
        try
        {
            await Admin.CoreV1.ReadNamespacedSecretAsync(name, Ns, cancellationToken: CancellationToken);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
