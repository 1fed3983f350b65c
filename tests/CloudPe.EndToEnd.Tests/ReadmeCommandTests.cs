using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CloudPe.EndToEnd.Tests.Support;

namespace CloudPe.EndToEnd.Tests;

/// <summary>The sandbox command of README.md, run exactly as written from the repository root.</summary>
public sealed class ReadmeCommandTests
{
    private static readonly TimeSpan BuildAndReadyTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_readme_sandbox_command_works_as_written()
    {
        var command = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"))
            .Select(l => l.Split('#')[0].Trim())
            .Single(l => l.StartsWith("dotnet run --project src/CloudPe.Sandbox", StringComparison.Ordinal));
        if (!PortIsFree(6443))
        {
            Assert.Skip("port 6443 is in use (a sandbox or a cluster is running here); the README command needs it");
        }

        var kubectl = Kubectl.Find();
        if (kubectl is null)
        {
            Assert.Skip(SandboxFixture.KubectlMissing);
        }

        var clock = Stopwatch.StartNew();
        using var run = ChildProcess.Start("bash", ["-c", command], RepositoryLayout.Root);
        var sandboxPid = 0;
        try
        {
            await run.WaitForLineAsync(l => l.Contains("sandbox ready in", StringComparison.Ordinal), BuildAndReadyTimeout, "the ready line");
            await run.WaitForLineAsync(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the end of the next steps");
            TestContext.Current.TestOutputHelper?.WriteLine($"'{command}' to ready, build included: {clock.Elapsed.TotalSeconds:0.0}s");
            Assert.Contains("export KUBECONFIG=" + Path.Combine(RepositoryLayout.Root, ".sandbox", "kubeconfig"), run.Stdout, StringComparison.Ordinal);
            Assert.Contains("https://127.0.0.1:6443/", run.Stdout, StringComparison.Ordinal);

            using var cache = new TemporaryDirectory();
            var k = new Kubectl(kubectl, Path.Combine(RepositoryLayout.Root, ".sandbox", "kubeconfig"), cache.Path);
            Assert.Equal("True", await k.JsonPathAsync("cpserver/sandbox", "{.status.conditions[?(@.type==\"Ready\")].status}"));

            // `dotnet run` starts the sandbox as a child process; Ctrl+C in a terminal reaches both, here the sandbox gets SIGTERM.
            sandboxPid = ProcessTree.Descendants(run.Id).Single(p => ProcessTree.CommandLine(p).Contains("/bin/", StringComparison.Ordinal)
                && ProcessTree.CommandLine(p).Contains("CloudPe.Sandbox", StringComparison.Ordinal));
            await ChildProcess.TerminateAsync(sandboxPid);
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("sandbox stopped", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (sandboxPid == 0 && !run.HasExited)
            {
                foreach (var pid in ProcessTree.Descendants(run.Id).Where(p => ProcessTree.CommandLine(p).Contains("CloudPe.Sandbox", StringComparison.Ordinal)))
                {
                    await ChildProcess.TerminateAsync(pid);
                }
            }
        }
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
