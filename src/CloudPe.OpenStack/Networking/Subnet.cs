namespace CloudPe.OpenStack.Networking;

/// <summary>A Neutron subnet.</summary>
/// <param name="Id">Subnet UUID.</param>
/// <param name="Name">Subnet name.</param>
/// <param name="NetworkId">Network it belongs to.</param>
/// <param name="IpVersion">4 or 6.</param>
/// <param name="Cidr">Address range.</param>
/// <param name="GatewayIp">Gateway, when any.</param>
/// <param name="Ipv6AddressMode">slaac, dhcpv6-stateful, dhcpv6-stateless or null.</param>
public sealed record Subnet(string Id, string Name, string NetworkId, int IpVersion, string Cidr, string? GatewayIp, string? Ipv6AddressMode);
