using System.Diagnostics;
using System.Text;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>Runs the real kubectl with a private kubeconfig and discovery cache.</summary>
internal sealed class KubectlCli : IDisposable
{
    private readonly string _dir;
    private readonly string _kubeconfig;
    private readonly string _cache;

    public KubectlCli(string kubeconfigYaml)
    {
        _dir = Directory.CreateTempSubdirectory("kubectl-").FullName;
        _kubeconfig = Path.Combine(_dir, "kubeconfig");
        _cache = Path.Combine(_dir, "cache");
        File.WriteAllText(_kubeconfig, kubeconfigYaml);
    }

    /// <summary>kubectl from PATH, else <c>.tools/bin/kubectl</c> of the repository; null when neither exists.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "kubectl");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "bin", "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<KubectlResult> RunAsync(params string[] args)
    {
        using var run = Start(args);
        return await run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public KubectlProcess Start(params string[] args)
    {
        var exe = Find() ?? throw new InvalidOperationException("kubectl not found");
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--kubeconfig");
        psi.ArgumentList.Add(_kubeconfig);
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(_cache);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new KubectlProcess(Process.Start(psi)!, string.Join(' ', args));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl child may still hold the cache; the temp dir is cleaned by the OS later.
        }
    }
}

/// <summary>Outcome of one kubectl run.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr, string Command)
{
    public KubectlResult Ok()
    {
        Assert.True(ExitCode == 0, $"kubectl {Command} exited {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}");
        return this;
    }
}

/// <summary>A running kubectl with output captured as it arrives.</summary>
internal sealed class KubectlProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly string _command;

    public KubectlProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_out)
                {
                    _out.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_err)
                {
                    _err.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public async Task<KubectlResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {_command} did not finish within {timeout}; stdout so far: {Stdout}");
        }

        _process.WaitForExit();
        string err;
        lock (_err)
        {
            err = _err.ToString();
        }

        return new KubectlResult(_process.ExitCode, Stdout, err, _command);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
