namespace CloudPe.OpenStack.Networking;

/// <summary>A Neutron port.</summary>
/// <param name="Id">Port UUID.</param>
/// <param name="Name">Port name.</param>
/// <param name="NetworkId">Network of the port.</param>
/// <param name="DeviceId">Server using it, or empty.</param>
/// <param name="DeviceOwner">e.g. compute:nova.</param>
/// <param name="Status">ACTIVE, DOWN, BUILD.</param>
/// <param name="MacAddress">MAC address.</param>
/// <param name="FixedIps">Fixed IPs with their subnets.</param>
/// <param name="SecurityGroupIds">Security groups applied to the port.</param>
/// <param name="Tags">Neutron tags.</param>
public sealed record Port(
    string Id,
    string Name,
    string NetworkId,
    string? DeviceId,
    string? DeviceOwner,
    string? Status,
    string? MacAddress,
    IReadOnlyList<FixedIp> FixedIps,
    IReadOnlyList<string> SecurityGroupIds,
    IReadOnlyList<string> Tags);
