namespace CloudPe.Sandbox;

/// <summary>What the sandbox was asked for on the command line.</summary>
internal sealed class SandboxOptions
{
    public const int DefaultPort = 6443;

    /// <summary>Where the kubeconfig is written; relative paths are taken from the current directory.</summary>
    public string KubeconfigPath { get; set; } = Path.Combine(".sandbox", "kubeconfig");

    /// <summary>Port of the Kubernetes API emulator; 0 picks a free one.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Port of the CloudPe simulator; 0 (the default) picks a free one.</summary>
    public int SimulatorPort { get; set; }

    /// <summary>How long a new VM stays in BUILD.</summary>
    public TimeSpan BuildLatency { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long start, stop, reboot, suspend and resume take.</summary>
    public TimeSpan ActionLatency { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Minimum level of the operator's log (Verbose, Debug, Information, Warning, Error).</summary>
    public string LogLevel { get; set; } = "Information";

    /// <summary>host:port of an external cloud to use instead of the simulator; null runs the simulator.</summary>
    public string? CloudEndpoint { get; set; }

    /// <summary>Project path of the external cloud.</summary>
    public string CloudProjectPath { get; set; } = "/openstack/14";

    /// <summary>True talks plain HTTP to the external cloud.</summary>
    public bool CloudInsecure { get; set; }
}
