using System.Diagnostics;
using System.Globalization;
using CloudPe.CloudSimulator;
using CloudPe.KubeEmulator;
using CloudPe.Operator.Hosting;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudPe.Sandbox;

/// <summary>Starts the emulator, the simulator and the operator in one process, seeds them, and stops them in order.</summary>
internal static class SandboxCommand
{
    private static readonly TimeSpan ServerReadyTimeout = TimeSpan.FromSeconds(60);

    // A real cloud authenticates and lists its catalog through a proxy; give it longer than the in-process simulator.
    private static readonly TimeSpan ExternalServerReadyTimeout = TimeSpan.FromSeconds(100);

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = SandboxArguments.Parse(args);
        if (options is null)
        {
            if (error is null)
            {
                Console.WriteLine(SandboxArguments.Usage);
                return 0;
            }

            await Console.Error.WriteLineAsync($"error: {error}\n{SandboxArguments.Usage}");
            return 2;
        }

        SandboxCloud? external = null;
        if (options.CloudEndpoint is not null)
        {
            (external, var cloudError) = SandboxCloud.External(options);
            if (external is null)
            {
                await Console.Error.WriteLineAsync($"error: {cloudError}");
                return 2;
            }
        }

        var clock = new StartupTimeline(Stopwatch.StartNew(), options.LogLevel is "Verbose" or "Debug");
        using var stop = new StopSignal();
        var parts = new SandboxParts();
        var exitCode = 1;
        try
        {
            exitCode = await RunPartsAsync(options, external, parts, stop, clock);
        }
        finally
        {
            // Also after a startup failure: nothing may keep the ports or the process alive.
            if (!await parts.StopAsync() && exitCode == 0)
            {
                exitCode = 1;
            }
        }

        if (parts.Operator is not null)
        {
            Console.WriteLine("sandbox stopped");
        }

        return exitCode;
    }

    /// <summary>Starts and seeds everything, prints the next steps and waits for Ctrl+C; returns the exit code.</summary>
    private static async Task<int> RunPartsAsync(SandboxOptions options, SandboxCloud? external, SandboxParts parts, StopSignal stop, StartupTimeline clock)
    {
        if (await StartServersAsync(options, external is null, parts, clock) is { } busy)
        {
            await Console.Error.WriteLineAsync(busy);
            return 2;
        }

        var cloud = external ?? new SandboxCloud(parts.Simulator!.Endpoint, parts.Simulator.ProjectPath, secure: false,
            parts.Simulator.ApplicationCredentialId, parts.Simulator.ApplicationCredentialSecret);
        var kubeconfig = parts.Emulator!.WriteKubeconfig(options.KubeconfigPath);
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new FileInfo(kubeconfig));
        string? notReady;
        try
        {
            using var client = new Kubernetes(config);
            var crds = await CrdInstaller.InstallAsync(client, stop.Token);
            clock.Mark($"CRDs created: {string.Join(", ", crds)}");
            await SandboxServer.CreateAsync(client, cloud, stop.Token);
            clock.Mark($"Secret {SandboxServer.SecretName} and CloudPeServer {SandboxServer.Name} created");
            parts.Operator = OperatorHost.Create([], OperatorOverrides(options, config));
            await parts.Operator.StartAsync(stop.Token);
            clock.Mark("operator started; waiting for CloudPeServer sandbox to be Ready");
            notReady = await SandboxServer.WaitReadyAsync(client, external is null ? ServerReadyTimeout : ExternalServerReadyTimeout, stop.Token);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            Console.WriteLine("stopping before the sandbox was ready");
            return 0;
        }

        var endpoints = new SandboxEndpoints(
            kubeconfig,
            parts.Emulator.BaseUri,
            parts.Simulator is { } simulator ? new Uri(simulator.BaseUri, simulator.ProjectPath.TrimStart('/')) : cloud.ProjectUri,
            parts.Simulator is { } admin ? new Uri(admin.BaseUri, "_sim/") : null,
            OperatorHost.HttpAddress(parts.Operator) is { } http ? new Uri(http, "/") : null);
        NextSteps.Print(Console.Out, endpoints, clock.Elapsed, notReady);

        await stop.WaitAsync();
        Console.WriteLine(parts.Simulator is null
            ? "stopping: operator first (it releases its lease), then the API emulator"
            : "stopping: operator first (it releases its lease), then the simulator and the API emulator");
        return 0;
    }

    /// <summary>Starts the emulator and (unless an external cloud is used) the simulator; returns the one line to print when a port is taken.</summary>
    private static async Task<string?> StartServersAsync(SandboxOptions options, bool withSimulator, SandboxParts parts, StartupTimeline clock)
    {
        try
        {
            parts.Emulator = await KubeEmulatorHost.StartAsync(new EmulatorOptions { Port = options.Port });
        }
        catch (IOException e) when (PortInUse.Is(e))
        {
            return PortInUse.Message(options.Port, "--port");
        }

        clock.Mark($"Kubernetes API emulator listening on {parts.Emulator.BaseUri}");
        if (!withSimulator)
        {
            return null;
        }

        try
        {
            parts.Simulator = await CloudSimulatorHost.StartAsync(new SimulatorOptions
            {
                Port = options.SimulatorPort,
                Latencies = new SimulatorLatencies
                {
                    Build = options.BuildLatency,
                    Action = options.ActionLatency,
                    Resize = options.BuildLatency,
                    Delete = options.ActionLatency,
                    VolumeExtend = options.ActionLatency,
                },
            });
        }
        catch (IOException e) when (PortInUse.Is(e))
        {
            return PortInUse.Message(options.SimulatorPort, "--sim-port");
        }

        clock.Mark($"CloudPe simulator listening on {parts.Simulator.BaseUri}");

        return null;
    }

    private static OperatorHostOverrides OperatorOverrides(SandboxOptions options, KubernetesClientConfiguration config)
    {
        // Poll VMs in transition about twice per simulated action, so kubectl sees changes soon after the cloud.
        var poll = TimeSpan.FromTicks(Math.Clamp(options.ActionLatency.Ticks / 2, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(1).Ticks));
        return new OperatorHostOverrides
        {
            KubernetesConfiguration = config,
            Settings = new Dictionary<string, string?>
            {
                ["Operator:HttpPort"] = "0",
                ["Operator:LogFormat"] = "text",
                ["Operator:LeaderElection:LeaseNamespace"] = SandboxServer.Namespace,
                [CloudPe.Operator.Reconcilers.Vm.VmControllerRegistration.TransitionPollIntervalKey] = poll.ToString("c", CultureInfo.InvariantCulture),
                ["Serilog:MinimumLevel:Default"] = options.LogLevel,
                ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            },
            ConfigureServices = services => services.AddSingleton<IHostLifetime, EmbeddedLifetime>(),
        };
    }
}
