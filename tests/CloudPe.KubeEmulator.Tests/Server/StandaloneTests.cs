using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>The standalone command line: kubeconfig written, manifests pre-applied, clear error on a busy port.</summary>
public sealed class StandaloneTests
{
    private static ProcessStartInfo Emulator(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CloudPe.KubeEmulator.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    [Fact]
    public async Task Busy_port_gives_a_one_line_error()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var dir = Directory.CreateTempSubdirectory("emu-cli-").FullName;
        using var p = Process.Start(Emulator("--kubeconfig", Path.Combine(dir, "kc"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        var stderr = await p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, p.ExitCode);
        Assert.Equal($"error: cannot listen on 127.0.0.1:{port}: address already in use", stderr.Trim());
    }

    [Fact]
    public async Task Writes_a_kubeconfig_kubectl_uses_and_pre_applies_manifests()
    {
        if (KubectlCli.Find() is null)
        {
            Assert.Skip("kubectl is neither on PATH nor in .tools/bin");
        }

        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("emu-cli-").FullName;
        var crd = Path.Combine(dir, "crd.yaml");
        await File.WriteAllTextAsync(crd, FidelityManifests.Crd, ct);
        var kubeconfig = Path.Combine(dir, "kubeconfig");
        using var p = Process.Start(Emulator("--kubeconfig", kubeconfig, "--apply", crd))!;
        try
        {
            string? line;
            while ((line = await p.StandardOutput.ReadLineAsync(ct)) is not null && !line.StartsWith("export KUBECONFIG=", StringComparison.Ordinal))
            {
            }

            Assert.Equal($"export KUBECONFIG={kubeconfig}", line);
            using var cli = new KubectlCli(await File.ReadAllTextAsync(kubeconfig, ct));
            var crds = (await cli.RunAsync("get", "crd", "-o", "name")).Ok().Stdout;
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/widgets.fidelity.cloudpe.test", crds, StringComparison.Ordinal);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync(ct);
        }
    }
}
