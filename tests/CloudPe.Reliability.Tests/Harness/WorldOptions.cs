using CloudPe.CloudSimulator;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Knobs of a <see cref="World"/>.</summary>
internal sealed class WorldOptions
{
    /// <summary>Seeds the world's <see cref="Random"/> and the simulator (IDs, addresses, fault dice).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Zero by default: the short form must be fast; the state machine still passes through every state.</summary>
    public SimulatorLatencies Latencies { get; init; } = new();

    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>Retries of idempotent OpenStack requests (production default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How much fake time one poll step moves the clock.</summary>
    public TimeSpan ClockStep { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the operator runs with the ServiceAccount token of config/rbac (else the admin token).</summary>
    public bool LeastPrivilege { get; init; } = true;

    public int MinVolumeSizeGiB { get; init; } = 30;
}
