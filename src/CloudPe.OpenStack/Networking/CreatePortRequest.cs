namespace CloudPe.OpenStack.Networking;

/// <summary>A port to create with one fixed IP from each listed subnet (that is how IP versions are chosen).</summary>
/// <param name="NetworkId">Network of the port.</param>
/// <param name="FixedIpSubnetIds">One fixed IP is allocated from each subnet.</param>
/// <param name="SecurityGroupIds">Security groups; null leaves Neutron's default.</param>
/// <param name="Name">Port name.</param>
public sealed record CreatePortRequest(string NetworkId, IReadOnlyList<string> FixedIpSubnetIds, IReadOnlyList<string>? SecurityGroupIds = null, string? Name = null);
