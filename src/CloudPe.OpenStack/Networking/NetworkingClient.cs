using System.Globalization;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Networking;

/// <summary>Neutron: networks, subnets, ports and security groups.</summary>
public sealed class NetworkingClient
{
    private readonly RequestSender _sender;

    internal NetworkingClient(RequestSender sender)
    {
        _sender = sender;
    }

    /// <summary>GET /v2.0/networks.</summary>
    public async Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken cancellationToken = default)
    {
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, "/networks", "/v2.0/networks"), OpenStackJsonContext.Default.NetworkListWire, cancellationToken).ConfigureAwait(false);
        return (answer?.Networks ?? []).Select(n => new Network(
            n.Id ?? string.Empty, n.Name ?? string.Empty, n.Status, n.Shared, n.External, n.Subnets ?? [], n.ProjectId)).ToArray();
    }

    /// <summary>GET /v2.0/subnets, optionally of one network or one IP version.</summary>
    public async Task<IReadOnlyList<Subnet>> ListSubnetsAsync(string? networkId = null, int? ipVersion = null, CancellationToken cancellationToken = default)
    {
        var path = new QueryBuilder("/subnets")
            .Add("network_id", networkId)
            .Add("ip_version", ipVersion?.ToString(CultureInfo.InvariantCulture))
            .ToString();
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, path, "/v2.0/subnets"), OpenStackJsonContext.Default.SubnetListWire, cancellationToken).ConfigureAwait(false);
        return (answer?.Subnets ?? []).Select(s => new Subnet(
            s.Id ?? string.Empty, s.Name ?? string.Empty, s.NetworkId ?? string.Empty, s.IpVersion, s.Cidr ?? string.Empty, s.GatewayIp, s.Ipv6AddressMode)).ToArray();
    }

    /// <summary>POST /v2.0/ports with one fixed IP from each listed subnet. Not retried (a retry could make a second port).</summary>
    public async Task<Port> CreatePortAsync(CreatePortRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.NetworkId);
        var body = JsonBody.Write(request, static (w, r) =>
        {
            w.WriteStartObject("port");
            w.WriteString("network_id", r.NetworkId);
            if (!string.IsNullOrEmpty(r.Name))
            {
                w.WriteString("name", r.Name);
            }

            if (r.FixedIpSubnetIds is { Count: > 0 })
            {
                w.WriteStartArray("fixed_ips");
                foreach (var subnet in r.FixedIpSubnetIds)
                {
                    w.WriteStartObject();
                    w.WriteString("subnet_id", subnet);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (r.SecurityGroupIds is not null)
            {
                w.WriteStartArray("security_groups");
                foreach (var group in r.SecurityGroupIds)
                {
                    w.WriteStringValue(group);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
        var call = Call(HttpMethod.Post, "/ports", "/v2.0/ports", body, idempotent: false);
        var answer = await _sender.SendAsync(call, OpenStackJsonContext.Default.PortEnvelopeWire, cancellationToken).ConfigureAwait(false);
        return Map(answer?.Port ?? new PortWire());
    }

    /// <summary>GET /v2.0/ports/{id}; null when it does not exist.</summary>
    public async Task<Port?> GetPortAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call(HttpMethod.Get, $"/ports/{PathSegment.Escape(id)}", "/v2.0/ports/{id}", notFoundIsNull: true);
        var answer = await _sender.SendAsync(call, OpenStackJsonContext.Default.PortEnvelopeWire, cancellationToken).ConfigureAwait(false);
        return answer?.Port is { } port ? Map(port) : null;
    }

    /// <summary>GET /v2.0/ports filtered by server (device_id), network and tags.</summary>
    public async Task<IReadOnlyList<Port>> ListPortsAsync(PortQuery? query = null, CancellationToken cancellationToken = default)
    {
        var path = new QueryBuilder("/ports")
            .Add("device_id", query?.DeviceId)
            .Add("network_id", query?.NetworkId)
            .Add("name", query?.Name)
            .Add("tags", query?.Tags is { Count: > 0 } tags ? string.Join(',', tags) : null)
            .ToString();
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, path, "/v2.0/ports"), OpenStackJsonContext.Default.PortListWire, cancellationToken).ConfigureAwait(false);
        return (answer?.Ports ?? []).Select(Map).ToArray();
    }

    /// <summary>DELETE /v2.0/ports/{id}; false when it was already gone.</summary>
    public async Task<bool> DeletePortAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _sender.SendAsync(Call(HttpMethod.Delete, $"/ports/{PathSegment.Escape(id)}", "/v2.0/ports/{id}", notFoundIsNull: true), cancellationToken).ConfigureAwait(false);
        return response is not null;
    }

    /// <summary>PUT /v2.0/{collection}/{id}/tags/{tag}; collection is e.g. "ports" or "networks".</summary>
    public async Task AddTagAsync(string collection, string id, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var call = Call(HttpMethod.Put, $"/{PathSegment.Escape(collection)}/{PathSegment.Escape(id)}/tags/{PathSegment.Escape(tag)}", $"/v2.0/{collection}/{{id}}/tags/{{tag}}");
        using var response = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /v2.0/security-groups?project_id=.</summary>
    public async Task<IReadOnlyList<SecurityGroup>> ListSecurityGroupsAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        var path = new QueryBuilder("/security-groups").Add("project_id", projectId).ToString();
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, path, "/v2.0/security-groups"), OpenStackJsonContext.Default.SecurityGroupListWire, cancellationToken).ConfigureAwait(false);
        return (answer?.SecurityGroups ?? []).Select(g => new SecurityGroup(g.Id ?? string.Empty, g.Name ?? string.Empty, g.ProjectId ?? g.TenantId, g.Description)).ToArray();
    }

    private static Port Map(PortWire p) => new(
        p.Id ?? string.Empty,
        p.Name ?? string.Empty,
        p.NetworkId ?? string.Empty,
        string.IsNullOrEmpty(p.DeviceId) ? null : p.DeviceId,
        string.IsNullOrEmpty(p.DeviceOwner) ? null : p.DeviceOwner,
        p.Status,
        p.MacAddress,
        (p.FixedIps ?? []).Select(f => new FixedIp(f.SubnetId ?? string.Empty, f.IpAddress ?? string.Empty)).ToArray(),
        p.SecurityGroups ?? [],
        p.Tags ?? []);

    private static OpenStackRequest Call(HttpMethod method, string path, string route, byte[]? body = null, bool idempotent = true, bool notFoundIsNull = false) => new()
    {
        Service = OpenStackService.Network,
        Method = method,
        Path = path,
        Route = route,
        Body = body,
        Idempotent = idempotent,
        NotFoundIsNull = notFoundIsNull,
    };
}
