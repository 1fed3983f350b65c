namespace CloudPe.CloudSimulator;

/// <summary>Settings of one simulated CloudPe project.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Path prefix under which every OpenStack API of the project lives; "/" for none (a plain OpenStack).</summary>
    public string ProjectPath { get; set; } = "/openstack/14";

    /// <summary>Region written into the catalog.</summary>
    public string Region { get; set; } = "RegionOne";

    /// <summary>IP address the server binds to (loopback by default).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Clock that drives token expiry and every lazy state transition.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long an issued token stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Durations of state transitions and extra HTTP latency (all zero by default).</summary>
    public SimulatorLatencies Latencies { get; set; } = new();

    /// <summary>When set, IDs, addresses, passwords and fault dice are deterministic.</summary>
    public int? Seed { get; set; }

    /// <summary>Whether flavors, images, networks, security groups and volume types are created at start.</summary>
    public bool SeedInventory { get; set; } = true;
}
