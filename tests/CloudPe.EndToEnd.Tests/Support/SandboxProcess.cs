using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>The sandbox started as a real process (<c>dotnet CloudPe.Sandbox.dll ...</c>) and what it printed once ready.</summary>
internal sealed partial class SandboxProcess : IDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private SandboxProcess(ChildProcess process) => Process = process;

    public ChildProcess Process { get; }

    /// <summary>Absolute kubeconfig path from the printed <c>export KUBECONFIG=</c> line.</summary>
    public string Kubeconfig { get; private set; } = "";

    /// <summary>The project's API root, e.g. http://127.0.0.1:PORT/openstack/14.</summary>
    public Uri CloudProject { get; private set; } = null!;

    /// <summary>Seconds the sandbox reported in "ready in X.Xs".</summary>
    public double ReportedReadySeconds { get; private set; }

    /// <summary>Seconds from process start until the ready line was read, measured from outside.</summary>
    public double MeasuredReadySeconds { get; private set; }

    /// <summary>The commands printed under "Then try".</summary>
    public IReadOnlyList<string> PrintedCommands { get; private set; } = [];

    /// <summary>Starts the built sandbox with the given arguments from the repository root.</summary>
    public static SandboxProcess Start(params string[] args)
    {
        var dll = RepositoryLayout.SandboxDll;
        Assert.True(File.Exists(dll), $"{dll} is missing: build src/CloudPe.Sandbox in this configuration first.");
        return new SandboxProcess(ChildProcess.Start("dotnet", [dll, .. args], RepositoryLayout.Root));
    }

    /// <summary>Starts it with a fresh port, the given kubeconfig and the short latencies the tests use, and waits until it is ready.</summary>
    public static async Task<SandboxProcess> StartReadyAsync(string kubeconfig)
    {
        var clock = Stopwatch.StartNew();
        var sandbox = Start("--port", "0", "--kubeconfig", kubeconfig, "--build-latency", "200ms", "--action-latency", "100ms");
        await sandbox.WaitUntilReadyAsync(clock);
        return sandbox;
    }

    /// <summary>Waits for the "ready in" line and reads the printed addresses and commands.</summary>
    public async Task WaitUntilReadyAsync(Stopwatch sinceStart)
    {
        var ready = await Process.WaitForLineAsync(l => l.Contains("sandbox ready in", StringComparison.Ordinal) || l.Contains("is not Ready", StringComparison.Ordinal),
            ReadyTimeout, "the ready line");
        MeasuredReadySeconds = sinceStart.Elapsed.TotalSeconds;
        var seconds = ReadySeconds().Match(ready);
        Assert.True(seconds.Success, $"The sandbox started but CloudPeServer sandbox is not Ready:\n{Process.Stdout}");
        ReportedReadySeconds = double.Parse(seconds.Groups[1].Value, CultureInfo.InvariantCulture);

        // The block after the ready line is printed in one go; wait for its last line.
        await Process.WaitForLineAsync(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the end of the next steps");
        var lines = Process.Stdout.Split('\n');
        Kubeconfig = lines.Select(l => l.Trim()).First(l => l.StartsWith("export KUBECONFIG=", StringComparison.Ordinal))["export KUBECONFIG=".Length..];
        CloudProject = new Uri(ProjectLine().Match(Process.Stdout).Groups[1].Value);
        var start = Array.FindIndex(lines, l => l.StartsWith("Then try", StringComparison.Ordinal));
        PrintedCommands = [.. lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim())];
    }

    /// <summary>SIGTERM, then the exit code (null when it did not end within the timeout).</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        await ChildProcess.TerminateAsync(Process.Id);
        return await Process.WaitForExitAsync(timeout);
    }

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"sandbox ready in (\d+(?:\.\d+)?)s")]
    private static partial Regex ReadySeconds();

    [GeneratedRegex(@"CloudPe project\s+(\S+)")]
    private static partial Regex ProjectLine();
}
