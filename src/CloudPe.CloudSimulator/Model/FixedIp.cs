namespace CloudPe.CloudSimulator.Model;

internal sealed record FixedIp(string SubnetId, string IpAddress, int IpVersion);
