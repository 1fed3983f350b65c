namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>The real kubectl, pointed at one kubeconfig and a private discovery cache (never the user's ~/.kube/cache).</summary>
internal sealed class Kubectl(string executable, string kubeconfig, string cacheDir)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    /// <summary>kubectl from PATH, else the repository's .tools/bin; null when there is none.</summary>
    public static string? Find()
    {
        var candidates = (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(RepositoryLayout.Root, ".tools", "bin"))
            .Select(dir => Path.Combine(dir, "kubectl"));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Environment for commands pasted as a user would: the sandbox's KUBECONFIG and the private cache.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["KUBECONFIG"] = kubeconfig,
        ["KUBECACHEDIR"] = cacheDir,
        ["PATH"] = $"{Path.GetDirectoryName(executable)}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
    };

    /// <summary>Runs kubectl from the repository root (so <c>config/samples/</c> resolves as in the docs).</summary>
    public Task<CommandResult> RunAsync(params string[] args) =>
        ChildProcess.RunAsync(executable, [.. args, "--kubeconfig", kubeconfig, "--cache-dir", cacheDir], RepositoryLayout.Root, CommandTimeout);

    /// <summary>Runs kubectl and fails the test unless it exits 0; returns stdout.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    /// <summary>Runs one command line exactly as printed (through bash, from the repository root).</summary>
    public async Task<CommandResult> ShellAsync(string commandLine)
    {
        var result = await ChildProcess.RunAsync("bash", ["-c", commandLine], RepositoryLayout.Root, CommandTimeout, Environment);
        return result with { CommandLine = commandLine };
    }

    /// <summary>A JSONPath value of one object, e.g. <c>{.status.phase}</c>, without the line end kubectl adds.</summary>
    public async Task<string> JsonPathAsync(string resource, string jsonPath) =>
        (await OkAsync("get", resource, "-o", $"jsonpath={jsonPath}")).TrimEnd('\n');

    /// <summary><c>kubectl wait</c> for a condition or JSONPath value.</summary>
    public Task<string> WaitAsync(string resource, string condition, int timeoutSeconds = 60) =>
        OkAsync("wait", resource, $"--for={condition}", $"--timeout={timeoutSeconds}s");
}
