namespace CloudPe.Operator.Hosting;

/// <summary>The <c>Operator</c> configuration section (config/manager and the Helm chart set these names).</summary>
public sealed class OperatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Operator";

    /// <summary>Comma-separated namespaces to watch; empty watches all namespaces.</summary>
    public string WatchNamespaces { get; set; } = "";

    /// <summary>Reconciles of different objects that may run at once, per controller.</summary>
    public int MaxConcurrentReconciles { get; set; } = 16;

    /// <summary>How often every object is reconciled even without a change (and the fleet is listed).</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Page size of the fleet-wide server list per CloudPeServer.</summary>
    public int FleetPageSize { get; set; } = 100;

    /// <summary>
    /// Keep CloudPeVMs, Secrets and the fleet snapshot packed in memory (decoded on every read): about half the
    /// memory at 10,000 VMs for about twice the CPU per resync. False keeps them decoded.
    /// </summary>
    public bool CompactCache { get; set; } = true;

    /// <summary>Leader election on a Lease.</summary>
    public LeaderElectionSettings LeaderElection { get; set; } = new();

    /// <summary>Port of /metrics, /healthz and /readyz; 0 picks a free loopback port (tests).</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>json or text; empty picks json when stdout is not a terminal.</summary>
    public string LogFormat { get; set; } = "";

    /// <summary>The namespaces of <see cref="WatchNamespaces"/> as a list.</summary>
    public IReadOnlyList<string> WatchNamespaceList =>
        [.. WatchNamespaces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
