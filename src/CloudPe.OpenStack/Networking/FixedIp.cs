namespace CloudPe.OpenStack.Networking;

/// <summary>A fixed IP of a port.</summary>
/// <param name="SubnetId">Subnet it came from.</param>
/// <param name="IpAddress">The address.</param>
public sealed record FixedIp(string SubnetId, string IpAddress);
