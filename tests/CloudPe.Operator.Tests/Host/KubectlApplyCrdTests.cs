using System.Diagnostics;
using CloudPe.KubeEmulator;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

/// <summary>The checked-in CRDs install with the real kubectl against the API emulator.</summary>
public sealed class KubectlApplyCrdTests
{
    [Fact]
    public async Task Kubectl_apply_config_crd_works_against_the_emulator()
    {
        var kubectl = FindKubectl();
        Assert.SkipWhen(kubectl is null, "kubectl is neither on PATH nor in .tools/bin; run scripts/install-tools.sh to include this check.");
        await using var api = await KubeEmulatorHost.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        var dir = Directory.CreateTempSubdirectory("cloudpe-kubectl-");
        try
        {
            var kubeconfig = api.WriteKubeconfig(Path.Combine(dir.FullName, "kubeconfig"));
            var crdDir = Path.Combine(RepositoryRoot.Path, "config", "crd");

            var (code, output) = await RunAsync(kubectl!, $"apply -f {crdDir}/cloudpe.io_cloudpeservers.yaml -f {crdDir}/cloudpe.io_cloudpevms.yaml --kubeconfig {kubeconfig} --cache-dir {dir.FullName}/cache");
            Assert.True(code == 0, output);
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/cloudpeservers.cloudpe.io created", output, StringComparison.Ordinal);
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/cloudpevms.cloudpe.io created", output, StringComparison.Ordinal);

            (code, output) = await RunAsync(kubectl!, $"apply -f {crdDir}/cloudpe.io_cloudpeservers.yaml --kubeconfig {kubeconfig} --cache-dir {dir.FullName}/cache");
            Assert.True(code == 0, output);
            Assert.Contains("cloudpeservers.cloudpe.io unchanged", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? FindKubectl()
    {
        var local = Path.Combine(RepositoryRoot.Path, ".tools", "bin", "kubectl");
        if (File.Exists(local))
        {
            return local;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "kubectl"))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
