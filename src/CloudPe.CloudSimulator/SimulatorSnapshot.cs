namespace CloudPe.CloudSimulator;

/// <summary>Everything a test may want to check about the simulated project at one instant.</summary>
public sealed record SimulatorSnapshot(
    IReadOnlyList<ServerSnapshot> Servers,
    IReadOnlyList<PortSnapshot> Ports,
    IReadOnlyList<VolumeSnapshot> Volumes);
