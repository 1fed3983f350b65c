using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>The emulator over TLS with the admin token.</summary>
public sealed class EmulatorTarget : ClusterTarget
{
    public KubeEmulatorHost Host { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Host = await KubeEmulatorHost.StartAsync(new EmulatorOptions());
        KubeconfigYaml = Host.KubeconfigYaml();
    }

    public override async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
