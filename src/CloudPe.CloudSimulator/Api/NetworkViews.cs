using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Neutron's JSON views.</summary>
internal static class NetworkViews
{
    public static JsonObject Network(CloudState state, NetworkRecord n) => WithStandardAttributes(state, new JsonObject
    {
        ["id"] = n.Id,
        ["name"] = n.Name,
        ["status"] = "ACTIVE",
        ["admin_state_up"] = true,
        ["shared"] = n.External,
        ["router:external"] = n.External,
        ["subnets"] = Paging.Strings(n.SubnetIds),
        ["mtu"] = 1450,
        ["port_security_enabled"] = true,
        ["availability_zones"] = Paging.Strings(["nova"]),
        ["ipv4_address_scope"] = null,
        ["ipv6_address_scope"] = null,
    });

    public static JsonObject Subnet(CloudState state, SubnetRecord s) => WithStandardAttributes(state, new JsonObject
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["network_id"] = s.NetworkId,
        ["ip_version"] = s.IpVersion,
        ["cidr"] = s.Cidr,
        ["gateway_ip"] = s.GatewayIp,
        ["enable_dhcp"] = true,
        ["ipv6_address_mode"] = s.IpVersion == 6 ? "slaac" : null,
        ["ipv6_ra_mode"] = s.IpVersion == 6 ? "slaac" : null,
        ["allocation_pools"] = s.IpVersion == 4
            ? new JsonArray(s.Pools.Select(p => (JsonNode)new JsonObject { ["start"] = p.Start, ["end"] = p.End }).ToArray())
            : new JsonArray(new JsonObject { ["start"] = s.GatewayIp[..^1] + "2", ["end"] = s.Cidr[..s.Cidr.IndexOf('/', StringComparison.Ordinal)] + "ffff:ffff:ffff:ffff" }),
        ["dns_nameservers"] = new JsonArray(),
        ["host_routes"] = new JsonArray(),
        ["subnetpool_id"] = null,
        ["service_types"] = new JsonArray(),
    });

    public static JsonObject Port(CloudState state, PortRecord p) => new()
    {
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["network_id"] = p.NetworkId,
        ["mac_address"] = p.MacAddress,
        ["admin_state_up"] = p.AdminStateUp,
        ["status"] = p.DeviceId.Length > 0 ? "ACTIVE" : "DOWN",
        ["device_id"] = p.DeviceId,
        ["device_owner"] = p.DeviceOwner,
        ["fixed_ips"] = new JsonArray(p.FixedIps.Select(ip => (JsonNode)new JsonObject { ["subnet_id"] = ip.SubnetId, ["ip_address"] = ip.IpAddress }).ToArray()),
        ["security_groups"] = Paging.Strings(p.SecurityGroupIds),
        ["allowed_address_pairs"] = new JsonArray(),
        ["extra_dhcp_opts"] = new JsonArray(),
        ["port_security_enabled"] = true,
        ["binding:vnic_type"] = "normal",
        ["dns_name"] = "",
        ["description"] = p.Description,
        ["tags"] = Paging.Strings(p.Tags),
        ["project_id"] = state.ProjectId,
        ["tenant_id"] = state.ProjectId,
        ["revision_number"] = p.Revision,
        ["created_at"] = Timestamps.Seconds(p.Created),
        ["updated_at"] = Timestamps.Seconds(p.Updated),
    };

    public static JsonObject SecurityGroup(CloudState state, SecurityGroupRecord g) => WithStandardAttributes(state, new JsonObject
    {
        ["id"] = g.Id,
        ["name"] = g.Name,
        ["description"] = g.Description,
        ["stateful"] = true,
        ["security_group_rules"] = new JsonArray(g.Rules.Select(rule => (JsonNode)new JsonObject
        {
            ["id"] = rule.Id,
            ["security_group_id"] = g.Id,
            ["direction"] = rule.Direction,
            ["ethertype"] = rule.EtherType,
            ["protocol"] = rule.Protocol,
            ["port_range_min"] = rule.PortMin,
            ["port_range_max"] = rule.PortMax,
            ["remote_ip_prefix"] = rule.RemoteIpPrefix,
            ["remote_group_id"] = null,
            ["project_id"] = state.ProjectId,
            ["tenant_id"] = state.ProjectId,
        }).ToArray()),
    });

    /// <summary>Attributes every seeded Neutron resource carries (seeded resources never change).</summary>
    private static JsonObject WithStandardAttributes(CloudState state, JsonObject node)
    {
        node.TryAdd("description", "");
        node["tags"] = new JsonArray();
        node["project_id"] = state.ProjectId;
        node["tenant_id"] = state.ProjectId;
        node["revision_number"] = 1;
        node["created_at"] = "2026-01-01T00:00:00Z";
        node["updated_at"] = "2026-01-01T00:00:00Z";
        return node;
    }

}
