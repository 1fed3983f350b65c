using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Neutron v2.0: networks, subnets, ports (with tags) and security groups.</summary>
internal static class NetworkApi
{
    private const string Prefix = "/network";

    private static readonly HashSet<string> PortCreateAttributes = new(StringComparer.Ordinal)
    {
        "network_id", "name", "description", "admin_state_up", "fixed_ips", "security_groups", "device_id", "device_owner",
        "mac_address", "port_security_enabled", "binding:vnic_type", "allowed_address_pairs", "dns_name", "project_id",
        "tenant_id", "tags", "extra_dhcp_opts", "binding:profile", "binding:host_id",
    };

    private static readonly HashSet<string> PortUpdateAttributes = new(StringComparer.Ordinal)
    {
        "name", "description", "admin_state_up", "security_groups", "device_id", "device_owner", "port_security_enabled",
        "allowed_address_pairs", "dns_name", "binding:host_id", "binding:profile",
    };

    private static readonly string[] Extensions =
    [
        "standard-attr-tag", "tag-ports-during-bulk-creation", "security-group", "external-net", "binding", "port-security",
        "allowed-address-pairs", "extra_dhcp_opt", "quotas", "project-id", "standard-attr-timestamp", "standard-attr-revisions",
        "filter-validation", "pagination", "sorting", "fip-port-details", "network-ip-availability",
    ];

    public static void Map(ApiRouteMap map)
    {
        map.Map(Services.Network, Prefix, "GET", "/", r => new JsonReply(200, new JsonObject
        {
            ["versions"] = new JsonArray(new JsonObject
            {
                ["id"] = "v2.0",
                ["status"] = "CURRENT",
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = r.State.PublicRoot + "/network/v2.0/" }),
            }),
        }), requiresAuth: false);
        map.Map(Services.Network, Prefix, "GET", "/v2.0/extensions", _ => new JsonReply(200, new JsonObject
        {
            ["extensions"] = new JsonArray(Extensions.Select(a => (JsonNode)new JsonObject { ["alias"] = a, ["name"] = a, ["description"] = a, ["links"] = new JsonArray(), ["updated"] = "2023-01-01T00:00:00-00:00" }).ToArray()),
        }));

        map.Map(Services.Network, Prefix, "GET", "/v2.0/networks", r => NeutronCollection.List(r, "networks", r.State.Networks.Select(n => NetworkViews.Network(r.State, n))));
        map.Map(Services.Network, Prefix, "GET", "/v2.0/networks/{id}", r => Single(r, "network",
            r.State.Networks.FirstOrDefault(n => n.Id == r.Route("id")) is { } n ? NetworkViews.Network(r.State, n) : null, "NetworkNotFound", "Network"));
        map.Map(Services.Network, Prefix, "GET", "/v2.0/subnets", r => NeutronCollection.List(r, "subnets", r.State.Subnets.Select(s => NetworkViews.Subnet(r.State, s))));
        map.Map(Services.Network, Prefix, "GET", "/v2.0/subnets/{id}", r => Single(r, "subnet",
            r.State.Subnets.FirstOrDefault(s => s.Id == r.Route("id")) is { } s ? NetworkViews.Subnet(r.State, s) : null, "SubnetNotFound", "Subnet"));
        map.Map(Services.Network, Prefix, "GET", "/v2.0/security-groups", r => NeutronCollection.List(r, "security_groups", r.State.SecurityGroups.Select(g => NetworkViews.SecurityGroup(r.State, g))));
        map.Map(Services.Network, Prefix, "GET", "/v2.0/security-groups/{id}", r => Single(r, "security_group",
            r.State.SecurityGroups.FirstOrDefault(g => g.Id == r.Route("id")) is { } g ? NetworkViews.SecurityGroup(r.State, g) : null, "SecurityGroupNotFound", "Security group"));

        map.Map(Services.Network, Prefix, "GET", "/v2.0/ports", r => NeutronCollection.List(r, "ports", r.State.Ports.Values.OrderBy(p => p.Created).Select(p => NetworkViews.Port(r.State, p))));
        map.Map(Services.Network, Prefix, "POST", "/v2.0/ports", CreatePort);
        map.Map(Services.Network, Prefix, "GET", "/v2.0/ports/{id}", r => Single(r, "port", NetworkViews.Port(r.State, FindPort(r)), "PortNotFound", "Port"));
        map.Map(Services.Network, Prefix, "PUT", "/v2.0/ports/{id}", UpdatePort);
        map.Map(Services.Network, Prefix, "DELETE", "/v2.0/ports/{id}", r =>
        {
            r.State.RemovePort(FindPort(r));
            return new JsonReply(204, null);
        });

        map.Map(Services.Network, Prefix, "GET", "/v2.0/ports/{id}/tags", r => TagList(FindPort(r)));
        map.Map(Services.Network, Prefix, "PUT", "/v2.0/ports/{id}/tags", ReplaceTags);
        map.Map(Services.Network, Prefix, "DELETE", "/v2.0/ports/{id}/tags", r =>
        {
            var port = FindPort(r);
            port.Tags.Clear();
            port.Touch(r.Now);
            return new JsonReply(204, null);
        });
        map.Map(Services.Network, Prefix, "GET", "/v2.0/ports/{id}/tags/{tag}", r => FindPort(r).Tags.Contains(r.Route("tag"))
            ? new JsonReply(204, null)
            : throw ApiException.NotFound($"Tag {r.Route("tag")} could not be found.", "TagNotFound"));
        map.Map(Services.Network, Prefix, "PUT", "/v2.0/ports/{id}/tags/{tag}", AddTag);
        map.Map(Services.Network, Prefix, "DELETE", "/v2.0/ports/{id}/tags/{tag}", r =>
        {
            var port = FindPort(r);
            if (!port.Tags.Remove(r.Route("tag")))
            {
                throw ApiException.NotFound($"Tag {r.Route("tag")} could not be found.", "TagNotFound");
            }

            port.Touch(r.Now);
            return new JsonReply(204, null);
        });
    }

    private static JsonReply Single(ApiRequest r, string name, JsonObject? item, string notFoundType, string label)
    {
        if (item is null)
        {
            throw ApiException.NotFound($"{label} {r.Route("id")} could not be found.", notFoundType);
        }

        var fields = r.Query["fields"].SelectMany(f => (f ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return new JsonReply(200, new JsonObject { [name] = NeutronCollection.Project(item, fields) });
    }

    private static PortRecord FindPort(ApiRequest r) =>
        r.State.Ports.GetValueOrDefault(r.Route("id")) ?? throw ApiException.NotFound($"Port {r.Route("id")} could not be found.", "PortNotFound");

    private static JsonReply CreatePort(ApiRequest r)
    {
        var state = r.State;
        var body = (r.Body as JsonObject)?["port"] as JsonObject
            ?? throw ApiException.BadRequest("Resource body required");
        CheckAttributes(body, PortCreateAttributes);
        var networkId = Text(body, "network_id") ?? throw ApiException.BadRequest("Failed to parse request. Required attribute 'network_id' not specified");
        var network = state.Networks.FirstOrDefault(n => n.Id == networkId)
            ?? throw ApiException.NotFound($"Network {networkId} could not be found.", "NetworkNotFound");
        if ((Text(body, "project_id") ?? Text(body, "tenant_id")) is { } project && project != state.ProjectId)
        {
            throw new ApiException(403, "(rule:create_port and rule:create_port:project_id) is disallowed by policy", "PolicyNotAuthorized");
        }

        List<(string?, string?)>? requested = null;
        if (body["fixed_ips"] is { } fixedIps)
        {
            if (fixedIps is not JsonArray array || array.Any(i => i is not JsonObject))
            {
                throw ApiException.BadRequest($"Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '{fixedIps.ToJsonString()}'.");
            }

            requested = array.Cast<JsonObject>().Select(i => (Text(i, "subnet_id"), Text(i, "ip_address"))).ToList();
            if (requested.Any(q => q.Item1 is null && q.Item2 is null))
            {
                throw ApiException.BadRequest("Invalid input for fixed_ips. Reason: each entry needs subnet_id or ip_address.");
            }
        }

        var now = r.Now;
        var port = new PortRecord
        {
            Id = state.Ids.Uuid(),
            NetworkId = network.Id,
            MacAddress = Text(body, "mac_address") ?? state.Ids.Mac(),
            Name = Text(body, "name") ?? "",
            Description = Text(body, "description") ?? "",
            DeviceId = Text(body, "device_id") ?? "",
            DeviceOwner = Text(body, "device_owner") ?? "",
            AdminStateUp = body["admin_state_up"] is not JsonValue up || up.GetValueKind() != JsonValueKind.False,
            Created = now,
            Updated = now,
            SecurityGroupIds = SecurityGroups(state, body["security_groups"]) ?? state.SecurityGroups.Where(g => g.Name == "default").Select(g => g.Id).ToList(),
        };
        port.Tags.AddRange(Tags(body["tags"]));
        var error = state.AllocateFixedIps(port, network, requested);
        if (error is not null)
        {
            throw error.Contains("already allocated", StringComparison.Ordinal)
                ? ApiException.Conflict(error, "IpAddressAlreadyAllocated")
                : ApiException.BadRequest(error);
        }

        state.Ports[port.Id] = port;
        return new JsonReply(201, new JsonObject { ["port"] = NetworkViews.Port(state, port) });
    }

    private static JsonReply UpdatePort(ApiRequest r)
    {
        var port = FindPort(r);
        var body = (r.Body as JsonObject)?["port"] as JsonObject ?? throw ApiException.BadRequest("Resource body required");
        CheckAttributes(body, PortUpdateAttributes);
        if (body.ContainsKey("name"))
        {
            port.Name = Text(body, "name") ?? "";
        }

        if (body.ContainsKey("description"))
        {
            port.Description = Text(body, "description") ?? "";
        }

        if (body.ContainsKey("device_id"))
        {
            port.DeviceId = Text(body, "device_id") ?? "";
        }

        if (body.ContainsKey("device_owner"))
        {
            port.DeviceOwner = Text(body, "device_owner") ?? "";
        }

        if (body["admin_state_up"] is JsonValue up)
        {
            port.AdminStateUp = up.GetValueKind() != JsonValueKind.False;
        }

        if (SecurityGroups(r.State, body["security_groups"]) is { } groups)
        {
            port.SecurityGroupIds = groups;
        }

        port.Touch(r.Now);
        return new JsonReply(200, new JsonObject { ["port"] = NetworkViews.Port(r.State, port) });
    }

    private static JsonReply TagList(PortRecord port) =>
        new(200, new JsonObject { ["tags"] = Paging.Strings(port.Tags) });

    private static JsonReply ReplaceTags(ApiRequest r)
    {
        var port = FindPort(r);
        var tags = Tags((r.Body as JsonObject)?["tags"] ?? throw ApiException.BadRequest("Invalid input for tags. Reason: 'tags' is required."));
        port.Tags.Clear();
        port.Tags.AddRange(tags);
        port.Touch(r.Now);
        return TagList(port);
    }

    private static JsonReply AddTag(ApiRequest r)
    {
        var port = FindPort(r);
        var tag = r.Route("tag");
        _ = Tags(new JsonArray(tag));
        if (!port.Tags.Contains(tag))
        {
            port.Tags.Add(tag);
            port.Touch(r.Now);
        }

        return new JsonReply(201, null);
    }

    private static List<string> Tags(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Any(t => t is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length is 0 or > 255 || v.GetValue<string>().Contains(',', StringComparison.Ordinal)))
        {
            throw ApiException.BadRequest($"Invalid input for tags. Reason: '{node.ToJsonString()}' is not a valid list of tags.");
        }

        return array.Select(t => t!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string>? SecurityGroups(CloudState state, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw ApiException.BadRequest($"Invalid input for security_groups. Reason: '{node.ToJsonString()}' is not a list.");
        }

        var ids = new List<string>();
        foreach (var item in array)
        {
            var id = item?.ToString() ?? "";
            var group = state.SecurityGroups.FirstOrDefault(g => g.Id == id)
                ?? throw ApiException.NotFound($"Security group {id} does not exist", "SecurityGroupNotFound");
            ids.Add(group.Id);
        }

        return ids;
    }

    private static void CheckAttributes(JsonObject body, HashSet<string> allowed)
    {
        var unknown = body.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiException.BadRequest($"Unrecognized attribute(s) '{string.Join(", ", unknown)}'");
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
