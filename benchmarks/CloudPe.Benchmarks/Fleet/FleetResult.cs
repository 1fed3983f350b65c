namespace CloudPe.Benchmarks.Fleet;

/// <summary>The figures of one mode (operator or baseline) of one fleet scenario.</summary>
internal sealed record FleetResult
{
    public required int Vms { get; init; }

    public required int Servers { get; init; }

    public required string Mode { get; init; }

    /// <summary>OpenStack requests per steady resync, per simulator route key.</summary>
    public required IReadOnlyDictionary<string, double> RequestsPerResync { get; init; }

    /// <summary>Keystone token requests per hour at the production resync interval (5 min).</summary>
    public required double TokensPerHour { get; init; }

    /// <summary>API-server writes per steady resync; null when the mode does not write (baseline).</summary>
    public double? WritesPerResync { get; init; }

    public double? WritesPerVmCreated { get; init; }

    public double? OpenStackRequestsPerVmCreated { get; init; }

    public TimeSpan? ApplyToReady { get; init; }

    public double? ReadyToLatencyRatio { get; init; }

    public required long WorkingSetBytes { get; init; }

    /// <summary>Anonymous resident memory (working set minus shared file-backed pages).</summary>
    public required long PrivateBytes { get; init; }

    public required long ManagedHeapBytes { get; init; }

    /// <summary>Memory the garbage collector holds committed (live objects, free space, bookkeeping).</summary>
    public required long GcCommittedBytes { get; init; }

    public required double CpuSecondsPerResync { get; init; }

    /// <summary>Wall time of one resync pass, where the mode exposes it (baseline).</summary>
    public TimeSpan? ResyncWallTime { get; init; }
}
