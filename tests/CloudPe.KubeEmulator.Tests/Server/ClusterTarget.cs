using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>An API server the fidelity tests talk to: the emulator or a real cluster.</summary>
public abstract class ClusterTarget : IAsyncLifetime
{
    /// <summary>Why the target cannot be used here (no Docker, no kubectl), or null.</summary>
    public string? SkipReason { get; protected set; }

    public string KubeconfigYaml { get; protected set; } = "";

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    public void SkipIfUnavailable()
    {
        if (KubectlCli.Find() is null)
        {
            Assert.Skip("kubectl is neither on PATH nor in .tools/bin");
        }

        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }
}
