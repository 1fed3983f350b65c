using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Nova's JSON views of servers and flavors, shaped by the negotiated microversion.</summary>
internal static class ComputeViews
{
    public static string ComputeRoot(CloudState state) => state.PublicRoot + "/compute/v2.1";

    public static JsonArray Links(CloudState state, string collection, string id) => new(
        new JsonObject { ["rel"] = "self", ["href"] = $"{ComputeRoot(state)}/{collection}/{id}" },
        new JsonObject { ["rel"] = "bookmark", ["href"] = $"{state.PublicRoot}/compute/{collection}/{id}" });

    public static JsonObject FlavorSummary(ApiRequest r, FlavorRecord f)
    {
        var node = new JsonObject { ["id"] = f.Id, ["name"] = f.Name, ["links"] = Links(r.State, "flavors", f.Id) };
        if (r.Version >= new ApiVersion(2, 55))
        {
            node["description"] = null;
        }

        return node;
    }

    public static JsonObject FlavorDetail(ApiRequest r, FlavorRecord f)
    {
        var node = FlavorSummary(r, f);
        node["vcpus"] = f.Vcpus;
        node["ram"] = f.RamMb;
        node["disk"] = f.DiskGb;
        node["swap"] = r.Version >= new ApiVersion(2, 75) ? 0 : "";
        node["OS-FLV-EXT-DATA:ephemeral"] = 0;
        node["OS-FLV-DISABLED:disabled"] = false;
        node["os-flavor-access:is_public"] = true;
        node["rxtx_factor"] = 1.0;
        if (r.Version >= new ApiVersion(2, 61))
        {
            node["extra_specs"] = new JsonObject();
        }

        return node;
    }

    public static JsonObject ServerSummary(ApiRequest r, ServerRecord s) =>
        new() { ["id"] = s.Id, ["name"] = s.Name, ["links"] = Links(r.State, "servers", s.Id) };

    public static JsonObject ServerDetail(ApiRequest r, ServerRecord s)
    {
        var state = r.State;
        var v = r.Version;
        var node = new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["status"] = s.Status,
            ["tenant_id"] = state.ProjectId,
            ["user_id"] = state.UserId,
            ["metadata"] = Paging.Map(s.Metadata),
            ["hostId"] = s.VmState == VmStates.Building ? "" : HostId(state.ProjectId),
            ["image"] = s.Image is { } image
                ? new JsonObject { ["id"] = image.Id, ["links"] = new JsonArray(new JsonObject { ["rel"] = "bookmark", ["href"] = $"{state.PublicRoot}/compute/images/{image.Id}" }) }
                : "",
            ["flavor"] = FlavorOfServer(r, s.Flavor),
            ["created"] = Timestamps.Seconds(s.Created),
            ["updated"] = Timestamps.Seconds(s.Updated),
            ["addresses"] = Addresses(state, s),
            ["accessIPv4"] = "",
            ["accessIPv6"] = "",
            ["links"] = Links(state, "servers", s.Id),
            ["OS-DCF:diskConfig"] = "MANUAL",
            ["progress"] = 0,
            ["OS-EXT-AZ:availability_zone"] = s.VmState == VmStates.Building ? "" : "nova",
            ["config_drive"] = "",
            ["key_name"] = s.KeyName,
            ["OS-SRV-USG:launched_at"] = s.LaunchedAt is { } launched ? Timestamps.Cinder(launched) : null,
            ["OS-SRV-USG:terminated_at"] = s.DeletedAt is { } deleted ? Timestamps.Cinder(deleted) : null,
            ["OS-EXT-STS:task_state"] = s.TaskState,
            ["OS-EXT-STS:vm_state"] = s.VmState,
            ["OS-EXT-STS:power_state"] = s.PowerState,
            ["os-extended-volumes:volumes_attached"] = VolumesAttached(r, s),
        };
        if (!s.IsDeleted)
        {
            node["security_groups"] = new JsonArray(s.SecurityGroupNames.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray());
        }

        if (s.Fault is { } fault && s.VmState is VmStates.Error or VmStates.Deleted)
        {
            node["fault"] = new JsonObject
            {
                ["code"] = fault.Code,
                ["created"] = Timestamps.Seconds(fault.Created),
                ["message"] = fault.Message,
            };
        }

        if (v >= new ApiVersion(2, 9))
        {
            node["locked"] = false;
        }

        if (v >= new ApiVersion(2, 19))
        {
            node["description"] = s.Description;
        }

        if (v >= new ApiVersion(2, 26))
        {
            node["tags"] = Paging.Strings(s.Tags);
        }

        if (v >= new ApiVersion(2, 63))
        {
            node["trusted_image_certificates"] = null;
        }

        if (v >= new ApiVersion(2, 73))
        {
            node["locked_reason"] = null;
        }

        if (v >= new ApiVersion(2, 96))
        {
            node["pinned_availability_zone"] = null;
        }

        return node;
    }

    private static JsonObject FlavorOfServer(ApiRequest r, FlavorRecord f)
    {
        if (r.Version < new ApiVersion(2, 47))
        {
            return new JsonObject
            {
                ["id"] = f.Id,
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "bookmark", ["href"] = $"{r.State.PublicRoot}/compute/flavors/{f.Id}" }),
            };
        }

        return new JsonObject
        {
            ["vcpus"] = f.Vcpus,
            ["ram"] = f.RamMb,
            ["disk"] = f.DiskGb,
            ["ephemeral"] = 0,
            ["swap"] = 0,
            ["original_name"] = f.Name,
            ["extra_specs"] = new JsonObject(),
        };
    }

    private static JsonArray VolumesAttached(ApiRequest r, ServerRecord s)
    {
        var list = new JsonArray();
        if (s.IsDeleted)
        {
            return list;
        }

        foreach (var id in s.VolumeIds)
        {
            var entry = new JsonObject { ["id"] = id };
            if (r.Version >= new ApiVersion(2, 3))
            {
                entry["delete_on_termination"] = s.DeleteOnTermination.Contains(id);
            }

            list.Add(entry);
        }

        return list;
    }

    /// <summary>Grouped by network name; IPv6 before IPv4, as the real cloud listed them.</summary>
    public static JsonObject Addresses(CloudState state, ServerRecord s)
    {
        var addresses = new JsonObject();
        foreach (var port in state.Ports.Values.Where(p => p.DeviceId == s.Id).OrderBy(p => p.Created))
        {
            var network = state.Networks.FirstOrDefault(n => n.Id == port.NetworkId);
            var name = network?.Name ?? port.NetworkId;
            if (addresses[name] is not JsonArray list)
            {
                list = [];
                addresses[name] = list;
            }

            foreach (var ip in port.FixedIps.OrderByDescending(i => i.IpVersion))
            {
                list.Add(new JsonObject
                {
                    ["version"] = ip.IpVersion,
                    ["addr"] = ip.IpAddress,
                    ["OS-EXT-IPS:type"] = "fixed",
                    ["OS-EXT-IPS-MAC:mac_addr"] = port.MacAddress,
                });
            }
        }

        return addresses;
    }

    private static string HostId(string projectId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(projectId + "compute-1")))[..56];
}
