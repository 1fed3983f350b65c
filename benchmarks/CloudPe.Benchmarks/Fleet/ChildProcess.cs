using System.Diagnostics;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// This benchmark program started again in another mode (operator or baseline poller), so that its working set and
/// CPU time are its own and not mixed with the emulator's and the simulators'. Talks one line at a time over stdio.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>The runtime settings of the container image (Dockerfile ENV); keep both lists the same.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> RuntimeSettings =
    [
        ("DOTNET_gcServer", "0"),
        ("DOTNET_gcConcurrent", "0"),
        ("DOTNET_GCgen0size", "0x100000"),
        ("DOTNET_GCRegionSize", "0x100000"),
        ("DOTNET_GCConserveMemory", "7"),
        ("DOTNET_EnableWriteXorExecute", "0"),
        ("DOTNET_TieredPGO", "0"),
        ("MALLOC_ARENA_MAX", "2"),
    ];

    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ChildProcess> StartAsync(string mode, IEnumerable<string> args, IEnumerable<(string Name, string Value)>? environment = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // As in the container image (the ENV of the Dockerfile): the operator's memory settings.
        foreach (var (name, value) in RuntimeSettings.Concat(environment ?? []))
        {
            start.Environment[name] = value;
        }

        // Under "dotnet run" the process is the apphost; under "dotnet CloudPe.Benchmarks.dll" it is the muxer.
        var self = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        start.ArgumentList.Add(mode);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {mode} process.");
        var child = new ChildProcess(process);
        var first = await child.ReadLineAsync(TimeSpan.FromMinutes(1));
        if (first != "ready")
        {
            await child.DisposeAsync();
            throw new InvalidOperationException($"The {mode} process did not start: {first}");
        }

        return child;
    }

    /// <summary>Sends a command and returns the one-line answer.</summary>
    public async Task<string> AskAsync(string command, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ReadLineAsync(timeout);
    }

    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("The child process ended.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await _process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (IOException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
