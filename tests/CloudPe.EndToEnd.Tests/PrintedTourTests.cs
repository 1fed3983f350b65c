using System.Diagnostics;
using CloudPe.EndToEnd.Tests.Support;

namespace CloudPe.EndToEnd.Tests;

/// <summary>The commands the sandbox prints (and docs/tour.md shows), pasted one after another into a shell.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PrintedTourTests(SandboxFixture fixture)
{
    private const string Vm = "cpvm/web-ipv4";

    [Fact]
    public async Task The_printed_commands_work_step_by_step()
    {
        var kubectl = fixture.RequireKubectl();
        var sandbox = fixture.Sandbox;
        var cloud = await CloudProbe.FromSandboxAsync(sandbox, kubectl);
        try
        {
            // apply: every sample; the tour follows web-ipv4.
            var clock = Stopwatch.StartNew();
            await RunPrintedAsync(kubectl, "kubectl apply -f config/samples/");
            await kubectl.WaitAsync(Vm, "condition=Ready");
            TestContext.Current.TestOutputHelper?.WriteLine($"kubectl apply to web-ipv4 Ready: {clock.Elapsed.TotalSeconds:0.0}s (build latency 200ms)");

            // watch: the table fills in while the VMs build.
            await WatchShowsEveryVmAsync(kubectl, PrintedCommand("kubectl get cpvm -w"));

            // stop
            await RunPrintedAsync(kubectl, "\"powerState\":\"Stopped\"");
            await kubectl.WaitAsync(Vm, "jsonpath={.status.phase}=Stopped");
            Assert.Equal("SHUTOFF", (await cloud.ListAsync()).Servers.Single(s => s.Name == "web-ipv4").Status);

            // start again
            await RunPrintedAsync(kubectl, "\"powerState\":\"Running\"");
            await kubectl.WaitAsync(Vm, "jsonpath={.status.phase}=Running");
            await kubectl.WaitAsync(Vm, "condition=Ready");
            Assert.Equal("ACTIVE", (await cloud.ListAsync()).Servers.Single(s => s.Name == "web-ipv4").Status);

            // restart: the annotation is handled once and a reboot reaches Nova.
            var reboots = await SimulatorCounters.CountAsync(sandbox.CloudProject, "compute POST /servers/{id}/action:reboot");
            await RunPrintedAsync(kubectl, "cloudpe.io/restart=");
            var restart = await kubectl.JsonPathAsync(Vm, @"{.metadata.annotations.cloudpe\.io/restart}");
            await kubectl.WaitAsync(Vm, $"jsonpath={{.status.handledActions.restart}}={restart}");
            await kubectl.WaitAsync(Vm, "condition=Ready");
            Assert.Equal(reboots + 1, await SimulatorCounters.CountAsync(sandbox.CloudProject, "compute POST /servers/{id}/action:reboot"));
            Assert.NotEqual("True", await kubectl.JsonPathAsync(Vm, "{.status.conditions[?(@.type==\"ActionRejected\")].status}"));

            // console: a fresh URL in status.console.
            var urlBefore = await kubectl.JsonPathAsync(Vm, "{.status.console.url}");
            await RunPrintedAsync(kubectl, "cloudpe.io/console=");
            var console = await kubectl.JsonPathAsync(Vm, @"{.metadata.annotations.cloudpe\.io/console}");
            await kubectl.WaitAsync(Vm, $"jsonpath={{.status.handledActions.console}}={console}");
            Assert.NotEqual("True", await kubectl.JsonPathAsync(Vm, "{.status.conditions[?(@.type==\"ActionRejected\")].status}"));
            var url = (await RunPrintedAsync(kubectl, "{.status.console.url}")).Stdout.Trim();
            Assert.StartsWith("http", url, StringComparison.Ordinal);
            Assert.NotEqual(urlBefore, url);

            // grow the disk: Cinder extends the boot volume.
            await RunPrintedAsync(kubectl, "\"sizeGiB\":60");
            await kubectl.WaitAsync(Vm, "jsonpath={.status.volumeSizeGiB}=60");
            var volumeId = await kubectl.JsonPathAsync(Vm, "{.status.volumeId}");
            var contents = await cloud.ListAsync();
            Assert.True(contents.Volumes.Any(v => v.Id == volumeId && v.SizeGiB == 60), $"volume {volumeId} of 60 GiB not in {contents}");

            // shrink: refused by the CRD's rule before the operator sees it.
            var shrink = await kubectl.ShellAsync("""kubectl patch cpvm web-ipv4 --type=merge -p '{"spec":{"volume":{"sizeGiB":50}}}'""");
            Assert.NotEqual(0, shrink.ExitCode);
            Assert.Contains("volume.sizeGiB may grow but never shrink", shrink.Stderr, StringComparison.Ordinal);
            Assert.Equal("60", await kubectl.JsonPathAsync(Vm, "{.spec.volume.sizeGiB}"));

            // delete: kubectl returns once the operator has removed the cloud resources.
            await RunPrintedAsync(kubectl, "kubectl delete -f config/samples/");
            Assert.Contains("No resources found", (await kubectl.RunAsync("get", "cpvm")).Stderr, StringComparison.Ordinal);
            var left = await cloud.ListAsync();
            Assert.True(left.IsEmpty, $"left in the cloud: {left}");
        }
        finally
        {
            await kubectl.RunAsync("delete", "cpvm", "--all", "--ignore-not-found", "--timeout=60s");
        }
    }

    private string PrintedCommand(string containing)
    {
        var matches = fixture.Sandbox.PrintedCommands.Where(c => c.Contains(containing, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one printed command with '{containing}' in:\n{string.Join('\n', fixture.Sandbox.PrintedCommands)}");
        return matches[0];
    }

    private async Task<CommandResult> RunPrintedAsync(Kubectl kubectl, string containing)
    {
        var result = await kubectl.ShellAsync(PrintedCommand(containing));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task WatchShowsEveryVmAsync(Kubectl kubectl, string command)
    {
        using var watch = ChildProcess.Start("bash", ["-c", command], RepositoryLayout.Root, kubectl.Environment);
        foreach (var name in new[] { "web-ipv4", "web-dualstack", "app-ipv6", "db-large", "batch-stopped" })
        {
            await watch.WaitForLineAsync(l => l.StartsWith(name + " ", StringComparison.Ordinal), TimeSpan.FromSeconds(30), $"a watch row for {name}");
        }

        Assert.StartsWith("NAME ", watch.Stdout, StringComparison.Ordinal);
    }
}
