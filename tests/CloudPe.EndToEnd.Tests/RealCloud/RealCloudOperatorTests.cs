using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CloudPe.EndToEnd.Tests.Support;
using CloudPe.OpenStack;

namespace CloudPe.EndToEnd.Tests.RealCloud;

/// <summary>
/// The sandbox's emulator and operator as a process against a real OpenStack, driven with kubectl: VMs in every IP
/// mode become Ready with the cloud's addresses, one goes through every action, and deleting leaves nothing behind.
/// </summary>
public sealed class RealCloudOperatorTests : IDisposable
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] Modes = ["IPv4", "IPv6", "DualStack"];

    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task VMs_in_every_IP_mode_run_every_action_and_leave_nothing_behind_in_a_real_cloud()
    {
        var (lab, reason) = RealCloudLab.FromEnvironment();
        if (lab is null)
        {
            Assert.Skip(reason);
        }

        var kubectlPath = Kubectl.Find();
        if (kubectlPath is null)
        {
            Assert.Skip("kubectl is not on PATH nor in .tools/bin");
        }

        var clock = Stopwatch.StartNew();
        var kubeconfig = Path.Combine(_temp.Path, "kubeconfig");
        var dll = RepositoryLayout.SandboxDll;
        Assert.True(File.Exists(dll), $"{dll} is missing: build src/CloudPe.Sandbox in this configuration first.");
        using var sandbox = ChildProcess.Start("dotnet", [dll, "--port", "0", "--kubeconfig", kubeconfig, .. lab.SandboxArguments()],
            RepositoryLayout.Root, lab.SandboxEnvironment);
        var ready = await sandbox.WaitForLineAsync(l => l.Contains("sandbox ready in", StringComparison.Ordinal) || l.Contains("is not Ready", StringComparison.Ordinal),
            TimeSpan.FromMinutes(3), "the ready line");
        Assert.True(ready.Contains("sandbox ready in", StringComparison.Ordinal), $"CloudPeServer sandbox is not Ready:\n{sandbox.Stdout}");
        Assert.DoesNotContain(lab.CredentialSecret, sandbox.Stdout + sandbox.Stderr, StringComparison.Ordinal);
        Log($"sandbox ready against the real cloud after {clock.Elapsed.TotalSeconds:0.0}s");

        var kubectl = new Kubectl(kubectlPath, kubeconfig, Path.Combine(_temp.Path, "kube-cache"));
        using var cloud = lab.Connect();
        var ct = TestContext.Current.CancellationToken;
        var names = Modes.Select(m => "rc-" + m.ToLowerInvariant()).ToArray();
        var manifests = Path.Combine(_temp.Path, "manifests");
        Directory.CreateDirectory(manifests);
        await File.WriteAllTextAsync(Path.Combine(manifests, "password.yaml"), VmManifests.PasswordSecret("rc-ipv4-password", "Initial-Pass-1"), ct);
        for (var i = 0; i < Modes.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(manifests, names[i] + ".yaml"),
                VmManifests.Vm(names[i], Modes[i], i == 0 ? "rc-ipv4-password" : null), ct);
        }

        var uids = new List<string>();
        var serverIds = new List<string>();
        var volumeIds = new List<string>();
        try
        {
            await kubectl.OkAsync("apply", "-f", manifests);
            clock.Restart();
            foreach (var name in names)
            {
                await PollAsync(kubectl, name, "{.status.phase}", "Running", BootTimeout);
                await PollAsync(kubectl, name, "{.status.conditions[?(@.type==\"Ready\")].status}", "True", ActionTimeout);
                uids.Add(await kubectl.JsonPathAsync($"cpvm/{name}", "{.metadata.uid}"));
                serverIds.Add(await kubectl.JsonPathAsync($"cpvm/{name}", "{.status.vmId}"));
                volumeIds.Add(await kubectl.JsonPathAsync($"cpvm/{name}", "{.status.volumeId}"));
            }

            Log($"3 VMs Ready after {clock.Elapsed.TotalSeconds:0.0}s");
            for (var i = 0; i < Modes.Length; i++)
            {
                await AssertRealAddressesAsync(kubectl, cloud, names[i], Modes[i], serverIds[i], ct);
            }

            await RunActionsAsync(kubectl, cloud, names[0], serverIds[0], volumeIds[0], ct);

            clock.Restart();
            await kubectl.OkAsync("delete", "cpvm", "--all", "--wait=false");
            await PollAsync(kubectl, "", "", "", BootTimeout, list: true);
            await AssertNothingLeftAsync(cloud, uids, serverIds, volumeIds, ct);
            Log($"deleted, nothing left in the cloud after {clock.Elapsed.TotalSeconds:0.0}s");
        }
        finally
        {
            // A failed run still tries to give the lab back its resources before the sandbox goes away.
            await kubectl.RunAsync("delete", "cpvm", "--all", "--wait=true", "--timeout=60s");
            _ = await ChildProcess.RunAsync("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/", TimeSpan.FromSeconds(10));
            _ = await sandbox.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.DoesNotContain(lab.CredentialSecret, sandbox.Stdout + sandbox.Stderr, StringComparison.Ordinal);
    }

    private static async Task RunActionsAsync(Kubectl kubectl, OpenStackConnection cloud, string name, string serverId, string volumeId, CancellationToken ct)
    {
        var vm = $"cpvm/{name}";
        foreach (var (power, nova) in new[] { ("Stopped", "SHUTOFF"), ("Running", "ACTIVE"), ("Suspended", "SUSPENDED"), ("Running", "ACTIVE") })
        {
            var clock = Stopwatch.StartNew();
            await kubectl.OkAsync("patch", vm, "--type=merge", "-p", $$$"""{"spec":{"powerState":"{{{power}}}"}}""");
            await PollAsync(kubectl, name, "{.status.powerState}", power, ActionTimeout);
            await PollAsync(kubectl, name, "{.status.phase}", power, ActionTimeout);
            await PollCloudStatusAsync(cloud, serverId, nova, ct);
            Log($"powerState {power}: {clock.Elapsed.TotalSeconds:0.0}s");
        }

        var restart = $"r{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
        await kubectl.OkAsync("annotate", vm, "--overwrite", $"cloudpe.io/restart={restart}");
        await PollAsync(kubectl, name, "{.status.handledActions.restart}", restart, ActionTimeout);
        await PollAsync(kubectl, name, "{.status.phase}", "Running", ActionTimeout);
        await PollCloudStatusAsync(cloud, serverId, "ACTIVE", ct);

        var console = $"c{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
        await kubectl.OkAsync("annotate", vm, "--overwrite", $"cloudpe.io/console={console}");
        await PollAsync(kubectl, name, "{.status.handledActions.console}", console, ActionTimeout);
        var url = await kubectl.JsonPathAsync(vm, "{.status.console.url}");
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var consoleUri) && consoleUri.Scheme.StartsWith("http", StringComparison.Ordinal), $"console URL '{url}'");

        await kubectl.OkAsync("patch", "secret/rc-ipv4-password", "--type=merge", "-p", """{"stringData":{"password":"Changed-Pass-2"}}""");
        var version = await kubectl.JsonPathAsync("secret/rc-ipv4-password", "{.metadata.resourceVersion}");
        await PollAsync(kubectl, name, @"{.metadata.annotations.cloudpe\.io/password-applied}", version, ActionTimeout, contains: true);

        await kubectl.OkAsync("patch", vm, "--type=merge", "-p", $$$"""{"spec":{"flavor":"{{{VmManifests.MediumFlavor}}}"}}""");
        await PollAsync(kubectl, name, "{.status.flavorId}", "cpe-medium", BootTimeout);
        await PollAsync(kubectl, name, "{.status.phase}", "Running", ActionTimeout);
        await PollCloudStatusAsync(cloud, serverId, "ACTIVE", ct);

        // The operator raises the requested size to the CloudPeServer's minVolumeSizeGiB; grow from what the VM has.
        var bigger = int.Parse(await kubectl.JsonPathAsync(vm, "{.status.volumeSizeGiB}"), System.Globalization.CultureInfo.InvariantCulture) + 2;
        await kubectl.OkAsync("patch", vm, "--type=merge", "-p", "{\"spec\":{\"volume\":{\"sizeGiB\":" + bigger.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}");
        await PollAsync(kubectl, name, "{.status.volumeSizeGiB}", bigger.ToString(System.Globalization.CultureInfo.InvariantCulture), ActionTimeout);
        Assert.Equal(bigger, (await cloud.BlockStorage.GetVolumeAsync(volumeId, ct))?.SizeGb);
    }

    /// <summary>The operator may report a phase before Nova's status settles (a reboot stays REBOOT for a while); wait for Nova too.</summary>
    private static async Task PollCloudStatusAsync(OpenStackConnection cloud, string serverId, string expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ActionTimeout;
        while (true)
        {
            var status = (await cloud.Compute.GetServerAsync(serverId, ct))?.Status;
            if (status == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Nova status of {serverId}: {status}, expected {expected} within {ActionTimeout.TotalSeconds:0}s");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private static async Task AssertRealAddressesAsync(Kubectl kubectl, OpenStackConnection cloud, string name, string mode, string serverId, CancellationToken ct)
    {
        var ipv4 = await kubectl.JsonPathAsync($"cpvm/{name}", "{.status.ipv4}");
        var ipv6 = await kubectl.JsonPathAsync($"cpvm/{name}", "{.status.ipv6}");
        var ports = await cloud.Networking.ListPortsAsync(new OpenStack.Networking.PortQuery(DeviceId: serverId), ct);
        var cloudIps = ports.SelectMany(p => p.FixedIps).Select(f => IPAddress.Parse(f.IpAddress)).ToList();
        Log($"{name} ({mode}): ipv4 '{ipv4}', ipv6 '{ipv6}', cloud ports [{string.Join(", ", cloudIps)}]");
        if (mode is "IPv4" or "DualStack")
        {
            Assert.True(IPAddress.TryParse(ipv4, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork, $"{name}: ipv4 '{ipv4}'");
            Assert.Contains(v4, cloudIps);
        }
        else
        {
            Assert.Equal("", ipv4);
        }

        if (mode is "IPv6" or "DualStack")
        {
            Assert.True(IPAddress.TryParse(ipv6, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6, $"{name}: ipv6 '{ipv6}'");
            Assert.Contains(v6, cloudIps);
        }
        else
        {
            Assert.Equal("", ipv6);
        }
    }

    private static async Task AssertNothingLeftAsync(OpenStackConnection cloud, IReadOnlyList<string> uids, IReadOnlyList<string> serverIds,
        IReadOnlyList<string> volumeIds, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ActionTimeout;
        while (true)
        {
            var left = new List<string>();
            await foreach (var server in cloud.Compute.ListServersDetailAsync(cancellationToken: ct))
            {
                if (serverIds.Contains(server.Id) || (server.Metadata.TryGetValue("cloudpe_uid", out var uid) && uids.Contains(uid)))
                {
                    left.Add($"server {server.Id} {server.Status}");
                }
            }

            var stamps = uids.Select(u => "cloudpe-uid-" + u).ToHashSet();
            left.AddRange((await cloud.Networking.ListPortsAsync(cancellationToken: ct))
                .Where(p => p.Tags.Any(stamps.Contains) || uids.Any(u => p.Name == "cloudpe-" + u) || (p.DeviceId is { } d && serverIds.Contains(d)))
                .Select(p => $"port {p.Id}"));
            left.AddRange((await cloud.BlockStorage.ListVolumesAsync(cancellationToken: ct))
                .Where(v => volumeIds.Contains(v.Id) || (v.Metadata.TryGetValue("cloudpe_uid", out var uid) && uids.Contains(uid)))
                .Select(v => $"volume {v.Id} {v.Status}"));
            if (left.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"left in the cloud {ActionTimeout.TotalSeconds:0}s after the CloudPeVMs were gone: {string.Join(", ", left)}");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    /// <summary>Polls a JSONPath of one VM (or, with <paramref name="list"/>, that no VM is left) until it matches or the deadline passes.</summary>
    private static async Task PollAsync(Kubectl kubectl, string name, string jsonPath, string expected, TimeSpan timeout, bool contains = false, bool list = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (true)
        {
            last = list
                ? (await kubectl.OkAsync("get", "cpvm", "-o", "name")).Trim()
                : await kubectl.JsonPathAsync($"cpvm/{name}", jsonPath);
            if (contains ? last.Contains(expected, StringComparison.Ordinal) : last == expected)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var vms = await kubectl.RunAsync("get", "cpvm", "-o", "yaml");
                Assert.Fail($"{(list ? "CloudPeVMs still there" : $"{name} {jsonPath}")}: '{last}', expected '{expected}' within {timeout.TotalSeconds:0}s\n{vms.Stdout}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    public void Dispose() => _temp.Dispose();
}
