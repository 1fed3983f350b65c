using System.Text.Json;
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

    /// <summary>Ports by the server they are bound to; build once per answer (a per-server scan is O(servers × ports)).</summary>
    public static ILookup<string, PortRecord> PortsByDevice(CloudState state) =>
        state.Ports.Values.Where(p => p.DeviceId.Length > 0).OrderBy(p => p.Created).ToLookup(p => p.DeviceId, StringComparer.Ordinal);

    public static void WriteServerSummary(Utf8JsonWriter w, ApiRequest r, ServerRecord s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        WriteLinks(w, r.State, "servers", s.Id);
        w.WriteEndObject();
    }

    public static void WriteServerDetail(Utf8JsonWriter w, ApiRequest r, ServerRecord s, ILookup<string, PortRecord> portsByDevice)
    {
        var state = r.State;
        var v = r.Version;
        var building = s.VmState == VmStates.Building;
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("status", s.Status);
        w.WriteString("tenant_id", state.ProjectId);
        w.WriteString("user_id", state.UserId);
        w.WriteStartObject("metadata");
        foreach (var (key, value) in s.Metadata)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteString("hostId", building ? "" : state.HostId);
        if (s.Image is { } image)
        {
            w.WriteStartObject("image");
            w.WriteString("id", image.Id);
            w.WriteStartArray("links");
            WriteLink(w, "bookmark", $"{state.PublicRoot}/compute/images/{image.Id}");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("image", "");
        }

        WriteFlavorOfServer(w, r, s.Flavor);
        w.WriteString("created", Timestamps.Seconds(s.Created));
        w.WriteString("updated", Timestamps.Seconds(s.Updated));
        WriteAddresses(w, state, portsByDevice[s.Id]);
        w.WriteString("accessIPv4", "");
        w.WriteString("accessIPv6", "");
        WriteLinks(w, state, "servers", s.Id);
        w.WriteString("OS-DCF:diskConfig", "MANUAL");
        w.WriteNumber("progress", 0);
        w.WriteString("OS-EXT-AZ:availability_zone", building ? "" : "nova");
        w.WriteString("config_drive", "");
        WriteNullable(w, "key_name", s.KeyName);
        WriteNullable(w, "OS-SRV-USG:launched_at", s.LaunchedAt is { } launched ? Timestamps.Cinder(launched) : null);
        WriteNullable(w, "OS-SRV-USG:terminated_at", s.DeletedAt is { } deleted ? Timestamps.Cinder(deleted) : null);
        WriteNullable(w, "OS-EXT-STS:task_state", s.TaskState);
        w.WriteString("OS-EXT-STS:vm_state", s.VmState);
        w.WriteNumber("OS-EXT-STS:power_state", s.PowerState);
        WriteVolumesAttached(w, r, s);
        if (!s.IsDeleted)
        {
            w.WriteStartArray("security_groups");
            foreach (var group in s.SecurityGroupNames)
            {
                w.WriteStartObject();
                w.WriteString("name", group);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (s.Fault is { } fault && s.VmState is VmStates.Error or VmStates.Deleted)
        {
            w.WriteStartObject("fault");
            w.WriteNumber("code", fault.Code);
            w.WriteString("created", Timestamps.Seconds(fault.Created));
            w.WriteString("message", fault.Message);
            w.WriteEndObject();
        }

        if (v >= new ApiVersion(2, 9))
        {
            w.WriteBoolean("locked", false);
        }

        if (v >= new ApiVersion(2, 19))
        {
            WriteNullable(w, "description", s.Description);
        }

        if (v >= new ApiVersion(2, 26))
        {
            w.WriteStartArray("tags");
            foreach (var tag in s.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        if (v >= new ApiVersion(2, 63))
        {
            w.WriteNull("trusted_image_certificates");
        }

        if (v >= new ApiVersion(2, 73))
        {
            w.WriteNull("locked_reason");
        }

        if (v >= new ApiVersion(2, 96))
        {
            w.WriteNull("pinned_availability_zone");
        }

        w.WriteEndObject();
    }

    private static void WriteFlavorOfServer(Utf8JsonWriter w, ApiRequest r, FlavorRecord f)
    {
        w.WriteStartObject("flavor");
        if (r.Version < new ApiVersion(2, 47))
        {
            w.WriteString("id", f.Id);
            w.WriteStartArray("links");
            WriteLink(w, "bookmark", $"{r.State.PublicRoot}/compute/flavors/{f.Id}");
            w.WriteEndArray();
        }
        else
        {
            w.WriteNumber("vcpus", f.Vcpus);
            w.WriteNumber("ram", f.RamMb);
            w.WriteNumber("disk", f.DiskGb);
            w.WriteNumber("ephemeral", 0);
            w.WriteNumber("swap", 0);
            w.WriteString("original_name", f.Name);
            w.WriteStartObject("extra_specs");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteVolumesAttached(Utf8JsonWriter w, ApiRequest r, ServerRecord s)
    {
        w.WriteStartArray("os-extended-volumes:volumes_attached");
        if (!s.IsDeleted)
        {
            foreach (var id in s.VolumeIds)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                if (r.Version >= new ApiVersion(2, 3))
                {
                    w.WriteBoolean("delete_on_termination", s.DeleteOnTermination.Contains(id));
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>Grouped by network name; IPv6 before IPv4, as the real cloud listed them.</summary>
    private static void WriteAddresses(Utf8JsonWriter w, CloudState state, IEnumerable<PortRecord> ports)
    {
        w.WriteStartObject("addresses");
        foreach (var group in ports.GroupBy(p => state.Networks.FirstOrDefault(n => n.Id == p.NetworkId)?.Name ?? p.NetworkId, StringComparer.Ordinal))
        {
            w.WriteStartArray(group.Key);
            foreach (var port in group)
            {
                foreach (var ip in port.FixedIps.OrderByDescending(i => i.IpVersion))
                {
                    w.WriteStartObject();
                    w.WriteNumber("version", ip.IpVersion);
                    w.WriteString("addr", ip.IpAddress);
                    w.WriteString("OS-EXT-IPS:type", "fixed");
                    w.WriteString("OS-EXT-IPS-MAC:mac_addr", port.MacAddress);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter w, CloudState state, string collection, string id)
    {
        w.WriteStartArray("links");
        WriteLink(w, "self", $"{ComputeRoot(state)}/{collection}/{id}");
        WriteLink(w, "bookmark", $"{state.PublicRoot}/compute/{collection}/{id}");
        w.WriteEndArray();
    }

    private static void WriteLink(Utf8JsonWriter w, string rel, string href)
    {
        w.WriteStartObject();
        w.WriteString("rel", rel);
        w.WriteString("href", href);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
