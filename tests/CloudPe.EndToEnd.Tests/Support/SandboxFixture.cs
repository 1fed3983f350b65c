namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>One sandbox process shared by the tests of <see cref="SandboxCollection"/>, with kubectl pointed at it.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private SandboxProcess? _sandbox;

    internal SandboxProcess Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox did not start.");

    /// <summary>Null when no kubectl is installed (tests then skip with that reason).</summary>
    internal Kubectl? Kubectl { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxProcess.StartReadyAsync(Path.Combine(_directory.Path, "kubeconfig"));
        if (Support.Kubectl.Find() is { } kubectl)
        {
            Kubectl = new Kubectl(kubectl, _sandbox.Kubeconfig, Path.Combine(_directory.Path, "kube-cache"));
        }
    }

    /// <summary>kubectl, or a skip that says why there is none.</summary>
    internal Kubectl RequireKubectl()
    {
        if (Kubectl is null)
        {
            Assert.Skip(KubectlMissing);
        }

        return Kubectl;
    }

    internal const string KubectlMissing = "kubectl is neither on PATH nor in .tools/bin (./test.sh installs it)";

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            if (!_sandbox.Process.HasExited)
            {
                await _sandbox.TerminateAsync(TimeSpan.FromSeconds(30));
            }

            _sandbox.Dispose();
        }

        _directory.Dispose();
    }
}

/// <summary>Tests that share one sandbox process.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
