using System.Diagnostics;
using System.Text;

namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>A process whose output is collected line by line while it runs.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to its end (killed after <paramref name="timeout"/>).</summary>
    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        var exitCode = await child.WaitForExitAsync(timeout);
        return new CommandResult($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}", exitCode ?? -1, child.Stdout,
            child.Stderr + (exitCode is null ? $"\n(killed after {timeout.TotalSeconds:0}s)" : ""));
    }

    /// <summary>The first stdout line that matches, once it is written; fails when the process ends first or the deadline passes.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = Stdout.Split('\n').FirstOrDefault(match);
            if (line is not null)
            {
                return line;
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                Assert.Fail($"The process ended (exit {_process.ExitCode}) before printing {what}.\n--- stdout\n{Stdout}--- stderr\n{Stderr}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No {what} within {timeout.TotalSeconds:0}s.\n--- stdout\n{Stdout}--- stderr\n{Stderr}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The exit code, or null when the process was still running at the deadline (it is then killed).</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> would.</summary>
    public static async Task TerminateAsync(int processId)
    {
        var result = await RunAsync("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/", TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.Append(line).Append('\n');
        }
    }
}
