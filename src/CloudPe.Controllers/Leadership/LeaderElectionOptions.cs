namespace CloudPe.Controllers;

/// <summary>Leader election on a <c>coordination.k8s.io/v1</c> Lease.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Whether workers run only while this instance holds the Lease.</summary>
    public bool Enabled { get; set; }

    /// <summary>Name of the Lease.</summary>
    public string LeaseName { get; set; } = "controller-leader";

    /// <summary>Namespace of the Lease.</summary>
    public string LeaseNamespace { get; set; } = "default";

    /// <summary>Identity written into the Lease; unique per process.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>How long a Lease is valid without renewal.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire or renew attempts.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
