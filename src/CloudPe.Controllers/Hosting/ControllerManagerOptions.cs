namespace CloudPe.Controllers;

/// <summary>Settings shared by every controller of one process.</summary>
public sealed class ControllerManagerOptions
{
    /// <summary>Namespaces to watch; empty means all namespaces.</summary>
    public IList<string> WatchNamespaces { get; } = [];

    /// <summary>How long in-flight reconciles may run after shutdown starts before they are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Leader election; when disabled every instance runs its workers.</summary>
    public LeaderElectionOptions LeaderElection { get; } = new();

    /// <summary>Upper bound of the delay between informer reconnect attempts.</summary>
    public TimeSpan WatchRetryMax { get; set; } = TimeSpan.FromSeconds(30);
}
