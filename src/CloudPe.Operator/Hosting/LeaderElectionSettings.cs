namespace CloudPe.Operator.Hosting;

/// <summary>The <c>Operator:LeaderElection</c> configuration section.</summary>
public sealed class LeaderElectionSettings
{
    /// <summary>Whether workers run only while this instance holds the Lease.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Name of the Lease.</summary>
    public string LeaseName { get; set; } = "cloudpe-operator-leader";

    /// <summary>Namespace of the Lease; defaults to the POD_NAMESPACE environment variable.</summary>
    public string LeaseNamespace { get; set; } = "";
}
