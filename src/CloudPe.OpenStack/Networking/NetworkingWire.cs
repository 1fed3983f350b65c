using System.Text.Json.Serialization;

namespace CloudPe.OpenStack.Networking;

/// <summary>GET /v2.0/networks.</summary>
internal sealed class NetworkListWire
{
    [JsonPropertyName("networks")]
    public List<NetworkWire>? Networks { get; set; }
}

/// <summary>A network.</summary>
internal sealed class NetworkWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("shared")]
    public bool Shared { get; set; }

    [JsonPropertyName("router:external")]
    public bool External { get; set; }

    [JsonPropertyName("subnets")]
    public List<string>? Subnets { get; set; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; set; }
}

/// <summary>GET /v2.0/subnets.</summary>
internal sealed class SubnetListWire
{
    [JsonPropertyName("subnets")]
    public List<SubnetWire>? Subnets { get; set; }
}

/// <summary>A subnet.</summary>
internal sealed class SubnetWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("network_id")]
    public string? NetworkId { get; set; }

    [JsonPropertyName("ip_version")]
    public int IpVersion { get; set; }

    [JsonPropertyName("cidr")]
    public string? Cidr { get; set; }

    [JsonPropertyName("gateway_ip")]
    public string? GatewayIp { get; set; }

    [JsonPropertyName("ipv6_address_mode")]
    public string? Ipv6AddressMode { get; set; }
}

/// <summary>GET /v2.0/ports.</summary>
internal sealed class PortListWire
{
    [JsonPropertyName("ports")]
    public List<PortWire>? Ports { get; set; }
}

/// <summary>GET or POST /v2.0/ports/{id}.</summary>
internal sealed class PortEnvelopeWire
{
    [JsonPropertyName("port")]
    public PortWire? Port { get; set; }
}

/// <summary>A port.</summary>
internal sealed class PortWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("network_id")]
    public string? NetworkId { get; set; }

    [JsonPropertyName("device_id")]
    public string? DeviceId { get; set; }

    [JsonPropertyName("device_owner")]
    public string? DeviceOwner { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("mac_address")]
    public string? MacAddress { get; set; }

    [JsonPropertyName("fixed_ips")]
    public List<FixedIpWire>? FixedIps { get; set; }

    [JsonPropertyName("security_groups")]
    public List<string>? SecurityGroups { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }
}

/// <summary>A fixed IP.</summary>
internal sealed class FixedIpWire
{
    [JsonPropertyName("subnet_id")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("ip_address")]
    public string? IpAddress { get; set; }
}

/// <summary>GET /v2.0/security-groups.</summary>
internal sealed class SecurityGroupListWire
{
    [JsonPropertyName("security_groups")]
    public List<SecurityGroupWire>? SecurityGroups { get; set; }
}

/// <summary>A security group.</summary>
internal sealed class SecurityGroupWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
