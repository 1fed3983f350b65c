namespace CloudPe.CloudSimulator;

/// <summary>One fixed IP of a port.</summary>
public sealed record SimulatorFixedIp(string SubnetId, string IpAddress, int IpVersion);
