namespace CloudPe.CloudSimulator;

/// <summary>A Neutron port.</summary>
public sealed record PortSnapshot(
    string Id,
    string NetworkId,
    string DeviceId,
    IReadOnlyList<SimulatorFixedIp> FixedIps,
    IReadOnlyList<string> Tags);
