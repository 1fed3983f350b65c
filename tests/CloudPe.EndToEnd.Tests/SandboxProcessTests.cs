using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CloudPe.EndToEnd.Tests.Support;

namespace CloudPe.EndToEnd.Tests;

/// <summary>The sandbox as a process: start-up, a busy port, and stopping on Ctrl+C or SIGTERM.</summary>
public sealed class SandboxProcessTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task A_busy_port_gives_one_clear_line_and_exit_code_2()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var kubeconfig = Path.Combine(_temp.Path, "kubeconfig");

        using var sandbox = SandboxProcess.Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig", kubeconfig);
        var exit = await sandbox.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Equal($"port {port} is in use: pass --port 0 for a free one or stop the other process", sandbox.Process.Stderr.Trim());
        Assert.DoesNotContain("   at ", sandbox.Process.Stdout + sandbox.Process.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(kubeconfig));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_the_operator_first_then_the_servers_and_exits_0(string signal)
    {
        if (signal == "INT" && SignalIsIgnoredByThisProcess(2))
        {
            // A shell starts background jobs with SIGINT ignored, and children inherit that: Ctrl+C cannot reach
            // a process started this way, so only a terminal (or a foreground run) can prove the SIGINT path.
            Assert.Skip("SIGINT is ignored in this test process (started as a background job), so the sandbox inherits the ignore");
        }

        var clock = Stopwatch.StartNew();
        using var sandbox = SandboxProcess.Start("--port", "0", "--kubeconfig", Path.Combine(_temp.Path, "kubeconfig"));
        await sandbox.WaitUntilReadyAsync(clock);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sandbox start to ready: {sandbox.MeasuredReadySeconds:0.0}s from process start ({sandbox.ReportedReadySeconds:0.0}s as printed)");
        var before = sandbox.Process.Stdout.Length;

        var kill = await ChildProcess.RunAsync("kill", [$"-{signal}", sandbox.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/", TimeSpan.FromSeconds(10));
        Assert.Equal(0, kill.ExitCode);
        var exit = await sandbox.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        var shutdown = sandbox.Process.Stdout[before..];
        var released = shutdown.IndexOf("released the leader Lease", StringComparison.Ordinal);
        var stopped = shutdown.IndexOf("sandbox stopped", StringComparison.Ordinal);
        Assert.True(released >= 0 && stopped > released, $"expected the Lease release before 'sandbox stopped':\n{shutdown}");
        Assert.Equal("", sandbox.Process.Stderr);
    }

    /// <summary>Whether <paramref name="signal"/> is in this process's ignored-signal mask (Linux /proc).</summary>
    private static bool SignalIsIgnoredByThisProcess(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }

    public void Dispose() => _temp.Dispose();
}
