using System.Diagnostics;
using Testcontainers.K3s;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>A real API server (K3s in Docker), used only where <c>docker info</c> answers.</summary>
public sealed class K3sTarget : ClusterTarget
{
    private K3sContainer? _container;

    public override async ValueTask InitializeAsync()
    {
        if (!await DockerAnswersAsync())
        {
            SkipReason = "no Docker engine answers `docker info`, so the real-cluster (K3s) comparison cannot run here";
            return;
        }

        _container = new K3sBuilder("rancher/k3s:v1.32.4-k3s1").Build();
        await _container.StartAsync();
        KubeconfigYaml = await _container.GetKubeconfigAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (p is null)
            {
                return false;
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await p.WaitForExitAsync(cts.Token);
            return p.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }
}
