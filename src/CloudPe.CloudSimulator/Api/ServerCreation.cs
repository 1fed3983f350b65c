using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary><c>POST /servers</c>: validates like Nova, then creates the server, its boot volume and its ports.</summary>
internal static class ServerCreation
{
    private const long GiB = 1024L * 1024 * 1024;

    private static readonly string[] BaseProperties =
    [
        "name", "imageRef", "flavorRef", "networks", "security_groups", "adminPass", "block_device_mapping_v2",
        "block_device_mapping", "metadata", "key_name", "user_data", "availability_zone", "config_drive",
        "min_count", "max_count", "return_reservation_id", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6",
        "personality", "os:scheduler_hints",
    ];

    public static IResult Create(ApiRequest r)
    {
        var state = r.State;
        var body = r.RequireObject("server");
        CheckProperties(r, body);

        var name = String(body, "name") ?? throw Invalid(body, "'name' is a required property");
        if (name.Length is 0 or > 255 || name.Trim() != name)
        {
            throw Invalid(body, $"'{name}' does not match '^(?! )[^\\x00-\\x1F\\x7F]*(?<! )$'");
        }

        // Schema errors (metadata included) come before any lookup, as in Nova.
        var metadata = NovaMetadata.Parse(body["metadata"]);
        var flavorRef = Scalar(body["flavorRef"]) ?? throw Invalid(body, "'flavorRef' is a required property");
        var flavor = state.Flavors.FirstOrDefault(f => f.Id == flavorRef.Split('/')[^1])
            ?? throw ApiException.BadRequest($"Flavor {flavorRef} could not be found.");

        var tags = Tags(body["tags"]);
        var groups = SecurityGroups(state, body["security_groups"]);
        var boot = BootSource(r, body, flavor);
        var networks = Networks(r, body["networks"]);
        var adminPass = body["adminPass"] is null ? state.Ids.Password(12) : String(body, "adminPass") ?? throw Invalid(body, "'adminPass' must be a string");

        var now = r.Now;
        var server = new ServerRecord
        {
            Id = state.Ids.Uuid(),
            Name = name,
            Flavor = flavor,
            Image = boot.Image is not null && boot.VolumeSize is null && boot.ExistingVolume is null ? boot.Image : null,
            Created = now,
            Updated = now,
            KeyName = String(body, "key_name"),
            Description = String(body, "description"),
            AdminPass = adminPass,
        };
        foreach (var (key, value) in metadata)
        {
            server.Metadata[key] = value;
        }

        server.Tags.AddRange(tags);
        server.SecurityGroupNames.AddRange(groups.Select(g => g.Name));

        foreach (var request in networks)
        {
            if (request.Port is { } existing)
            {
                existing.DeviceId = server.Id;
                existing.DeviceOwner = "compute:nova";
                existing.Touch(now);
                continue;
            }

            var port = new PortRecord
            {
                Id = state.Ids.Uuid(),
                NetworkId = request.Network!.Id,
                MacAddress = state.Ids.Mac(),
                Created = now,
                Updated = now,
                DeviceId = server.Id,
                DeviceOwner = "compute:nova",
                CreatedByCompute = true,
                SecurityGroupIds = groups.Select(g => g.Id).ToList(),
            };
            var error = state.AllocateFixedIps(port, request.Network, request.FixedIp is null ? null : [(null, request.FixedIp)]);
            if (error is not null)
            {
                throw ApiException.BadRequest(error);
            }

            state.Ports[port.Id] = port;
        }

        AttachBootVolume(state, server, boot, now);
        state.Servers[server.Id] = server;

        var failure = state.FailingBuilds.Count > 0 ? state.FailingBuilds.Dequeue() : null;
        server.Pending = new PendingTransition(now + state.Latencies.Build, at =>
        {
            if (failure is not null)
            {
                server.Move(VmStates.Error, null, PowerStates.NoState, at);
                server.Fault = new ServerFault(500, failure, at);
            }
            else
            {
                server.Move(VmStates.Active, null, PowerStates.Running, at);
                server.LaunchedAt = at;
            }
        });

        var reply = new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["id"] = server.Id,
                ["links"] = ComputeViews.Links(state, "servers", server.Id),
                ["OS-DCF:diskConfig"] = "MANUAL",
                ["security_groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject { ["name"] = g.Name }).ToArray()),
                ["adminPass"] = adminPass,
            },
        };
        return new JsonReply(202, reply, ("Location", $"{ComputeViews.ComputeRoot(state)}/servers/{server.Id}"));
    }

    private static void CheckProperties(ApiRequest r, JsonObject body)
    {
        var allowed = new HashSet<string>(BaseProperties, StringComparer.Ordinal);
        if (r.Version >= new ApiVersion(2, 19))
        {
            allowed.Add("description");
        }

        if (r.Version >= new ApiVersion(2, 52))
        {
            allowed.Add("tags");
        }

        if (r.Version >= new ApiVersion(2, 63))
        {
            allowed.Add("trusted_image_certificates");
        }

        if (r.Version >= new ApiVersion(2, 90))
        {
            allowed.Add("hostname");
        }

        var unexpected = body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
        if (unexpected is not null)
        {
            throw Invalid(body, $"Additional properties are not allowed ('{unexpected}' was unexpected)");
        }
    }

    private static List<string> Tags(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Count > 50)
        {
            throw ApiException.BadRequest("Invalid input for field/attribute tags. Value: " + node.ToJsonString() + ". tags must be an array of at most 50 items");
        }

        var tags = new List<string>();
        foreach (var item in array)
        {
            var tag = item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (tag is null || tag.Length is 0 or > 60 || tag.Contains('/', StringComparison.Ordinal) || tag.Contains(',', StringComparison.Ordinal))
            {
                throw ApiException.BadRequest($"Invalid input for field/attribute tags. Value: {array.ToJsonString()}. Tags must be 1-60 characters without '/' or ','");
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static List<SecurityGroupRecord> SecurityGroups(CloudState state, JsonNode? node)
    {
        if (node is null)
        {
            var fallback = state.FindSecurityGroup("default");
            return fallback is null ? [] : [fallback];
        }

        if (node is not JsonArray array)
        {
            throw ApiException.BadRequest("Invalid input for field/attribute security_groups. Value: " + node.ToJsonString() + ". security_groups must be an array");
        }

        var groups = new List<SecurityGroupRecord>();
        foreach (var item in array)
        {
            var name = item is JsonObject o ? Scalar(o["name"]) : null;
            if (name is null)
            {
                throw ApiException.BadRequest("Invalid input for field/attribute security_groups. Value: " + array.ToJsonString() + ". 'name' is a required property");
            }

            var group = state.FindSecurityGroup(name) ?? throw ApiException.BadRequest($"Security group {name} not found for project {state.ProjectId}.");
            if (!groups.Contains(group))
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    private static BootRequest BootSource(ApiRequest r, JsonObject body, FlavorRecord flavor)
    {
        var state = r.State;
        ImageRecord? image = null;
        if (Scalar(body["imageRef"]) is { Length: > 0 } imageRef)
        {
            image = state.Images.FirstOrDefault(i => i.Id == imageRef.Split('/')[^1]) ?? throw ApiException.BadRequest($"Image {imageRef} could not be found.");
        }

        var mappings = body["block_device_mapping_v2"];
        if (mappings is not null and not JsonArray)
        {
            throw ApiException.BadRequest("Invalid input for field/attribute block_device_mapping_v2. Value: " + mappings.ToJsonString() + ". block_device_mapping_v2 must be an array");
        }

        var bootEntry = (mappings as JsonArray)?.OfType<JsonObject>().FirstOrDefault(m => Scalar(m["boot_index"]) == "0");
        if (bootEntry is null)
        {
            if (image is null)
            {
                throw ApiException.BadRequest("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.");
            }

            if (flavor.DiskGb < image.MinDiskGb)
            {
                throw ApiException.BadRequest($"Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is {flavor.DiskGb * GiB} bytes, minimum size is {image.MinDiskGb * GiB} bytes.");
            }

            return new BootRequest(image, null, null, null, false);
        }

        var source = Scalar(bootEntry["source_type"]);
        var destination = Scalar(bootEntry["destination_type"]) ?? "volume";
        var uuid = Scalar(bootEntry["uuid"]);
        var deleteOnTermination = bootEntry["delete_on_termination"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
        if (bootEntry["volume_type"] is not null && r.Version < new ApiVersion(2, 67))
        {
            throw ApiException.BadRequest("Invalid input for field/attribute block_device_mapping_v2. Additional properties are not allowed ('volume_type' was unexpected)");
        }

        if (destination != "volume")
        {
            throw ApiException.BadRequest("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.");
        }

        if (source == "volume")
        {
            var volume = uuid is not null && state.Volumes.TryGetValue(uuid, out var v) ? v : throw ApiException.BadRequest($"Block Device Mapping is Invalid: failed to get volume {uuid}.");
            if (volume.Status != "available")
            {
                throw ApiException.BadRequest($"Invalid volume: volume '{volume.Id}' status must be 'available'. Currently in '{volume.Status}'");
            }

            return new BootRequest(volume.Image, null, null, volume, deleteOnTermination);
        }

        if (source != "image")
        {
            throw ApiException.BadRequest($"Block Device Mapping is Invalid: source_type {source} is not supported for the boot device.");
        }

        var bdmImage = (uuid is null ? null : state.Images.FirstOrDefault(i => i.Id == uuid)) ?? throw ApiException.BadRequest($"Image {uuid} could not be found.");
        if (Scalar(bootEntry["volume_size"]) is not { } sizeText || !int.TryParse(sizeText, System.Globalization.CultureInfo.InvariantCulture, out var size) || size <= 0)
        {
            throw ApiException.BadRequest("Block Device Mapping is Invalid: Images with destination_type 'volume' need to have a non-zero size specified");
        }

        if (size < bdmImage.MinDiskGb)
        {
            throw ApiException.BadRequest($"Volume is smaller than the minimum size specified in image metadata. Volume size is {size * GiB} bytes, minimum size is {bdmImage.MinDiskGb * GiB} bytes.");
        }

        var typeName = Scalar(bootEntry["volume_type"]);
        var type = typeName is null
            ? state.VolumeTypes.FirstOrDefault() ?? throw ApiException.BadRequest("No volume type is available.")
            : state.FindVolumeType(typeName) ?? throw ApiException.BadRequest($"Volume type {typeName} could not be found.");
        return new BootRequest(bdmImage, size, type, null, deleteOnTermination);
    }

    private static List<NetworkRequest> Networks(ApiRequest r, JsonNode? node)
    {
        var state = r.State;
        if (node is null)
        {
            if (r.Version >= new ApiVersion(2, 37))
            {
                throw ApiException.BadRequest("Invalid input for field/attribute server. 'networks' is a required property");
            }

            var candidates = state.Networks.Where(n => !n.External).ToList();
            return candidates.Count switch
            {
                0 => [],
                1 => [new NetworkRequest(candidates[0], null, null)],
                _ => throw ApiException.Conflict("Multiple possible networks found, use a Network ID to be more specific."),
            };
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && r.Version >= new ApiVersion(2, 37))
        {
            return value.GetValue<string>() switch
            {
                "none" => [],
                "auto" => throw ApiException.BadRequest($"Unable to automatically allocate a network for project {state.ProjectId}"),
                var other => throw ApiException.BadRequest($"Invalid input for field/attribute networks. Value: {other}. '{other}' is not one of ['none', 'auto']"),
            };
        }

        if (node is not JsonArray array)
        {
            throw ApiException.BadRequest("Invalid input for field/attribute networks. Value: " + node.ToJsonString() + ". networks must be an array");
        }

        var requests = new List<NetworkRequest>();
        foreach (var item in array)
        {
            if (item is not JsonObject entry)
            {
                throw ApiException.BadRequest("Invalid input for field/attribute networks. Value: " + array.ToJsonString());
            }

            if (Scalar(entry["port"]) is { } portId)
            {
                var port = state.Ports.GetValueOrDefault(portId) ?? throw ApiException.BadRequest($"Port id {portId} could not be found.");
                if (port.DeviceId.Length > 0 || requests.Any(q => q.Port == port))
                {
                    throw ApiException.Conflict($"Port {portId} is still in use.");
                }

                requests.Add(new NetworkRequest(null, port, null));
                continue;
            }

            var uuid = Scalar(entry["uuid"]) ?? throw ApiException.BadRequest("Bad networks format: network uuid is not in proper format (None)");
            var network = state.Networks.FirstOrDefault(n => n.Id == uuid) ?? throw ApiException.BadRequest($"Network {uuid} could not be found.");
            requests.Add(new NetworkRequest(network, null, Scalar(entry["fixed_ip"])));
        }

        return requests;
    }

    private static void AttachBootVolume(CloudState state, ServerRecord server, BootRequest boot, DateTimeOffset now)
    {
        var volume = boot.ExistingVolume;
        if (volume is null && boot.VolumeSize is { } size)
        {
            volume = new VolumeRecord
            {
                Id = state.Ids.Uuid(),
                Status = "in-use",
                Size = size,
                Type = boot.VolumeType!,
                Bootable = true,
                Image = boot.Image,
                Created = now,
                Updated = now,
            };
            // Nova gives the volume it creates from block_device_mapping_v2 none of the server's metadata.
            state.Volumes[volume.Id] = volume;
        }

        if (volume is null)
        {
            return;
        }

        volume.Status = "in-use";
        volume.Updated = now;
        volume.Attachments.Add(new VolumeAttachment(state.Ids.Uuid(), server.Id, "/dev/vda", now));
        server.VolumeIds.Add(volume.Id);
        if (boot.DeleteOnTermination)
        {
            server.DeleteOnTermination.Add(volume.Id);
        }
    }

    private static ApiException Invalid(JsonObject body, string reason) =>
        ApiException.BadRequest($"Invalid input for field/attribute server. Value: {body.ToJsonString()}. {reason}");

    private static string? String(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A string or number as text (Nova accepts both for IDs and sizes).</summary>
    public static string? Scalar(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;

    private sealed record BootRequest(ImageRecord? Image, int? VolumeSize, VolumeTypeRecord? VolumeType, VolumeRecord? ExistingVolume, bool DeleteOnTermination);

    private sealed record NetworkRequest(NetworkRecord? Network, PortRecord? Port, string? FixedIp);
}
