using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Cinder v3: volume types, volumes, delete and <c>os-extend</c> (in-use needs 3.42).</summary>
internal static class VolumeApi
{
    private const string Prefix = "/volume/v3/{project_id}";

    private static readonly HashSet<string> ListParameters = new(StringComparer.Ordinal)
    {
        "limit", "marker", "offset", "sort", "sort_key", "sort_dir", "with_count", "all_tenants",
        "name", "status", "metadata", "bootable", "availability_zone", "volume_type", "created_at", "updated_at",
    };

    public static void Map(ApiRouteMap map)
    {
        map.Map(Services.Volume, "/volume", "GET", "/", r => new JsonReply(300, new JsonObject { ["versions"] = new JsonArray(Version(r.State)) }), requiresAuth: false);
        map.Map(Services.Volume, "/volume", "GET", "/v3", r => new JsonReply(200, new JsonObject { ["versions"] = new JsonArray(Version(r.State)) }), requiresAuth: false);

        map.Map(Services.Volume, Prefix, "GET", "/types", r => new JsonReply(200, new JsonObject
        {
            ["volume_types"] = new JsonArray(Project(r).VolumeTypes.Select(t => (JsonNode)TypeView(t)).ToArray()),
        }));
        map.Map(Services.Volume, Prefix, "GET", "/types/{id}", r => new JsonReply(200, new JsonObject
        {
            ["volume_type"] = TypeView(Project(r).VolumeTypes.FirstOrDefault(t => t.Id == r.Route("id"))
                ?? throw ApiException.NotFound($"Volume type {r.Route("id")} could not be found.")),
        }));
        map.Map(Services.Volume, Prefix, "GET", "/volumes", r => List(r, detail: false));
        map.Map(Services.Volume, Prefix, "GET", "/volumes/detail", r => List(r, detail: true));
        map.Map(Services.Volume, Prefix, "GET", "/volumes/{id}", r => new JsonReply(200, new JsonObject { ["volume"] = Detail(r, Find(r)) }));
        map.Map(Services.Volume, Prefix, "DELETE", "/volumes/{id}", Delete);
        map.Map(Services.Volume, Prefix, "POST", "/volumes/{id}/action", Action);
    }

    private static JsonObject Version(CloudState state) => new()
    {
        ["id"] = "v3.0",
        ["status"] = "CURRENT",
        ["version"] = Microversions.VolumeMax.ToString(),
        ["min_version"] = Microversions.VolumeMin.ToString(),
        ["updated"] = "2023-08-31T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = state.PublicRoot + "/volume/v3/" }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.volume+json;version=3" }),
    };

    /// <summary>The project ID in the path must be the token's project.</summary>
    private static CloudState Project(ApiRequest r) =>
        r.Route("project_id") == r.State.ProjectId
            ? r.State
            : throw new ApiException(403, "Policy doesn't allow this operation to be performed on another project.");

    private static VolumeRecord Find(ApiRequest r)
    {
        var id = r.Route("id");
        return Project(r).Volumes.GetValueOrDefault(id) ?? throw ApiException.NotFound($"Volume {id} could not be found.");
    }

    private static JsonObject TypeView(VolumeTypeRecord t) => new()
    {
        ["id"] = t.Id,
        ["name"] = t.Name,
        ["description"] = t.Description,
        ["is_public"] = true,
        ["os-volume-type-access:is_public"] = true,
        ["qos_specs_id"] = null,
        ["extra_specs"] = new JsonObject(),
    };

    private static JsonArray Links(ApiRequest r, VolumeRecord v) => new(
        new JsonObject { ["rel"] = "self", ["href"] = $"{r.State.PublicRoot}/volume/v3/{r.State.ProjectId}/volumes/{v.Id}" },
        new JsonObject { ["rel"] = "bookmark", ["href"] = $"{r.State.PublicRoot}/volume/{r.State.ProjectId}/volumes/{v.Id}" });

    private static JsonObject Detail(ApiRequest r, VolumeRecord v)
    {
        var node = new JsonObject
        {
            ["id"] = v.Id,
            ["name"] = v.Name,
            ["status"] = v.Status,
            ["size"] = v.Size,
            ["volume_type"] = v.Type.Name,
            ["bootable"] = v.Bootable ? "true" : "false",
            ["attachments"] = new JsonArray(v.Attachments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = v.Id,
                ["attachment_id"] = a.AttachmentId,
                ["volume_id"] = v.Id,
                ["server_id"] = a.ServerId,
                ["host_name"] = null,
                ["device"] = a.Device,
                ["attached_at"] = Timestamps.Cinder(a.AttachedAt),
            }).ToArray()),
            ["metadata"] = Paging.Map(v.Metadata),
            ["availability_zone"] = "nova",
            ["created_at"] = Timestamps.Cinder(v.Created),
            ["updated_at"] = Timestamps.Cinder(v.Updated),
            ["description"] = null,
            ["encrypted"] = false,
            ["multiattach"] = false,
            ["replication_status"] = null,
            ["snapshot_id"] = null,
            ["source_volid"] = null,
            ["consistencygroup_id"] = null,
            ["user_id"] = r.State.UserId,
            ["os-vol-tenant-attr:tenant_id"] = r.State.ProjectId,
            ["links"] = Links(r, v),
        };
        if (v.Image is { } image)
        {
            node["volume_image_metadata"] = new JsonObject
            {
                ["image_id"] = image.Id,
                ["image_name"] = image.Name,
                ["min_disk"] = image.MinDiskGb.ToString(CultureInfo.InvariantCulture),
                ["min_ram"] = image.MinRamMb.ToString(CultureInfo.InvariantCulture),
                ["os_distro"] = image.OsDistro,
                ["os_version"] = image.OsVersion,
            };
        }

        var version = r.Version;
        if (version >= new ApiVersion(3, 13))
        {
            node["group_id"] = null;
        }

        if (version >= new ApiVersion(3, 21))
        {
            node["provider_id"] = null;
        }

        if (version >= new ApiVersion(3, 48))
        {
            node["shared_targets"] = false;
        }

        if (version >= new ApiVersion(3, 63))
        {
            node["volume_type_id"] = v.Type.Id;
        }

        if (version >= new ApiVersion(3, 65))
        {
            node["consumes_quota"] = true;
        }

        return node;
    }

    private static JsonReply List(ApiRequest r, bool detail)
    {
        var state = Project(r);
        var unknown = r.Query.Keys.Where(k => !ListParameters.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiException.BadRequest($"Invalid filters {string.Join(",", unknown)} are found in query options.");
        }

        IEnumerable<VolumeRecord> volumes = state.Volumes.Values.OrderByDescending(v => v.Created).ThenByDescending(v => v.Id, StringComparer.Ordinal);
        if (r.QueryValue("name") is { } name)
        {
            volumes = volumes.Where(v => v.Name == name);
        }

        if (r.QueryValue("status") is { } status)
        {
            volumes = volumes.Where(v => v.Status == status);
        }

        if (r.QueryValue("bootable") is { } bootable)
        {
            volumes = volumes.Where(v => string.Equals(v.Bootable ? "true" : "false", bootable, StringComparison.OrdinalIgnoreCase));
        }

        if (r.QueryValue("metadata") is { } metadataText)
        {
            var wanted = ParseMetadataFilter(metadataText);
            volumes = volumes.Where(v => wanted.All(w => v.Metadata.TryGetValue(w.Key, out var value) && value == w.Value));
        }

        var marker = r.QueryValue("marker");
        var limit = r.IntQuery("limit") ?? 1000;
        var page = Paging.Page(volumes.ToList(), marker, limit, v => v.Id, () => ApiException.NotFound($"Marker {marker} could not be found."));
        var body = new JsonObject
        {
            ["volumes"] = new JsonArray(page.Select(v => (JsonNode)(detail ? Detail(r, v) : new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["links"] = Links(r, v) })).ToArray()),
        };
        if (page.Count > 0 && page.Count == limit)
        {
            var query = Paging.Query(r.Query, ["marker"], $"marker={page[^1].Id}");
            body["volumes_links"] = new JsonArray(new JsonObject
            {
                ["rel"] = "next",
                ["href"] = $"{state.PublicRoot}/volume/v3/{state.ProjectId}/volumes{(detail ? "/detail" : "")}?{query}",
            });
        }

        return new JsonReply(200, body);
    }

    /// <summary>Cinder takes <c>metadata={"k":"v"}</c> (JSON or Python-dict quoting).</summary>
    private static Dictionary<string, string> ParseMetadataFilter(string text)
    {
        try
        {
            var node = JsonNode.Parse(text.Replace('\'', '"')) as JsonObject ?? throw new JsonException();
            return node.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest($"Invalid input received: Invalid metadata filter {text}.");
        }
    }

    private static JsonReply Delete(ApiRequest r)
    {
        var volume = Find(r);
        if (volume.Attachments.Count > 0 || volume.Status is not ("available" or "error" or "error_restoring" or "error_extending" or "error_managing"))
        {
            throw ApiException.BadRequest("Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.");
        }

        var state = r.State;
        volume.Status = "deleting";
        volume.Updated = r.Now;
        volume.Pending = new PendingTransition(r.Now + state.Latencies.Delete, _ => state.Volumes.Remove(volume.Id));
        return new JsonReply(202, null);
    }

    private static JsonReply Action(ApiRequest r)
    {
        var volume = Find(r);
        if (r.Body is not JsonObject { Count: > 0 } body)
        {
            throw ApiException.BadRequest("Malformed request body");
        }

        var (action, argument) = body.First();
        if (action != "os-extend")
        {
            throw ApiException.BadRequest($"There is no such action: {action}");
        }

        var sizeText = ServerCreation.Scalar((argument as JsonObject)?["new_size"]);
        if (sizeText is null || !int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var newSize) || newSize <= 0)
        {
            throw ApiException.BadRequest($"Invalid input for field/attribute new_size. Value: {sizeText ?? "None"}. 'new_size' must be a positive integer");
        }

        var inUseAllowed = r.Version >= new ApiVersion(3, 42);
        if (volume.Status != "available" && !(inUseAllowed && volume.Status == "in-use"))
        {
            throw ApiException.BadRequest(inUseAllowed
                ? $"Invalid volume: Volume status must be 'available' or 'in-use' to extend, but current status is: {volume.Status}."
                : $"Invalid volume: Volume status must be available to extend, but current status is: {volume.Status}.");
        }

        if (newSize <= volume.Size)
        {
            throw ApiException.BadRequest($"Invalid input received: New size for extend must be greater than current size. (current: {volume.Size}, extended: {newSize}).");
        }

        var previous = volume.Status;
        volume.Status = "extending";
        volume.Updated = r.Now;
        volume.Pending = new PendingTransition(r.Now + r.State.Latencies.VolumeExtend, at =>
        {
            volume.Size = newSize;
            volume.Status = previous;
            volume.Updated = at;
        });
        return new JsonReply(202, null);
    }
}
