using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Nova v2.1: version documents, flavors, servers and their sub-resources.</summary>
internal static class ComputeApi
{
    private const string Prefix = "/compute/v2.1";

    public static void Map(ApiRouteMap map)
    {
        map.Map(Services.Compute, "/compute", "GET", "/", r => new JsonReply(200, new JsonObject { ["versions"] = new JsonArray(Version(r.State)) }), requiresAuth: false);
        map.Map(Services.Compute, "/compute", "GET", "/v2.1", r => new JsonReply(200, new JsonObject { ["version"] = Version(r.State) }), requiresAuth: false);

        map.Map(Services.Compute, Prefix, "GET", "/flavors", r => Flavors(r, detail: false));
        map.Map(Services.Compute, Prefix, "GET", "/flavors/detail", r => Flavors(r, detail: true));
        map.Map(Services.Compute, Prefix, "GET", "/flavors/{id}", GetFlavor);

        map.Map(Services.Compute, Prefix, "POST", "/servers", ServerCreation.Create);
        map.Map(Services.Compute, Prefix, "GET", "/servers", r => ServerListing.List(r, detail: false));
        map.Map(Services.Compute, Prefix, "GET", "/servers/detail", r => ServerListing.List(r, detail: true));
        map.Map(Services.Compute, Prefix, "GET", "/servers/{id}", GetServer);
        map.Map(Services.Compute, Prefix, "DELETE", "/servers/{id}", Delete);
        map.Map(Services.Compute, Prefix, "POST", "/servers/{id}/action", ServerActions.Run);
        map.Map(Services.Compute, Prefix, "POST", "/servers/{id}/remote-consoles", ServerActions.RemoteConsole);
        map.Map(Services.Compute, Prefix, "GET", "/servers/{id}/os-volume_attachments", VolumeAttachments);
        map.Map(Services.Compute, Prefix, "GET", "/servers/{id}/os-interface", Interfaces);
        ServerTagsAndMetadata.Map(map, Prefix);
    }

    /// <summary>A live server or Nova's 404.</summary>
    public static ServerRecord Find(ApiRequest r)
    {
        var id = r.Route("id");
        return r.State.Servers.TryGetValue(id, out var server) && !server.IsDeleted
            ? server
            : throw ApiException.NotFound($"Instance {id} could not be found.");
    }

    private static JsonBytesReply GetServer(ApiRequest r)
    {
        var server = Find(r);
        var w = r.State.Json.Begin();
        w.WriteStartObject();
        w.WritePropertyName("server");
        ComputeViews.WriteServerDetail(w, r, server, r.State.Ports.Values.Where(p => p.DeviceId == server.Id).OrderBy(p => p.Created).ToLookup(p => p.DeviceId, StringComparer.Ordinal));
        w.WriteEndObject();
        return r.State.Json.Finish(200);
    }

    private static JsonObject Version(CloudState state) => new()
    {
        ["id"] = "v2.1",
        ["status"] = "CURRENT",
        ["version"] = Microversions.ComputeMax.ToString(),
        ["min_version"] = Microversions.ComputeMin.ToString(),
        ["updated"] = "2013-07-23T11:33:21Z",
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "self", ["href"] = ComputeViews.ComputeRoot(state) + "/" },
            new JsonObject { ["rel"] = "describedby", ["type"] = "text/html", ["href"] = "http://docs.openstack.org/" }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.compute+json;version=2.1" }),
    };

    private static JsonReply Flavors(ApiRequest r, bool detail)
    {
        var list = r.State.Flavors.Select(f => (JsonNode)(detail ? ComputeViews.FlavorDetail(r, f) : ComputeViews.FlavorSummary(r, f))).ToArray();
        return new JsonReply(200, new JsonObject { ["flavors"] = new JsonArray(list) });
    }

    private static JsonReply GetFlavor(ApiRequest r)
    {
        var id = r.Route("id");
        var flavor = r.State.Flavors.FirstOrDefault(f => f.Id == id) ?? throw ApiException.NotFound($"Flavor {id} could not be found.");
        return new JsonReply(200, new JsonObject { ["flavor"] = ComputeViews.FlavorDetail(r, flavor) });
    }

    private static JsonReply Delete(ApiRequest r)
    {
        var server = Find(r);
        if (server.TaskState == TaskStates.Deleting)
        {
            return new JsonReply(204, null);
        }

        var state = r.State;
        server.TaskState = TaskStates.Deleting;
        server.Updated = r.Now;
        server.Pending = new PendingTransition(r.Now + state.Latencies.Delete, at => state.FinishServerDeletion(server, at));
        return new JsonReply(204, null);
    }

    private static JsonReply VolumeAttachments(ApiRequest r)
    {
        var server = Find(r);
        var list = new JsonArray();
        foreach (var volumeId in server.VolumeIds)
        {
            var attachment = r.State.Volumes.TryGetValue(volumeId, out var volume)
                ? volume.Attachments.FirstOrDefault(a => a.ServerId == server.Id)
                : null;
            var entry = new JsonObject
            {
                ["id"] = volumeId,
                ["volumeId"] = volumeId,
                ["serverId"] = server.Id,
                ["device"] = attachment?.Device,
            };
            if (r.Version >= new ApiVersion(2, 70))
            {
                entry["tag"] = null;
            }

            if (r.Version >= new ApiVersion(2, 79))
            {
                entry["delete_on_termination"] = server.DeleteOnTermination.Contains(volumeId);
            }

            if (r.Version >= new ApiVersion(2, 89))
            {
                entry.Remove("id");
                entry["attachment_id"] = attachment?.AttachmentId;
                entry["bdm_uuid"] = IdSource.NameBased("bdm", server.Id + volumeId);
            }

            list.Add(entry);
        }

        return new JsonReply(200, new JsonObject { ["volumeAttachments"] = list });
    }

    private static JsonReply Interfaces(ApiRequest r)
    {
        var server = Find(r);
        var list = new JsonArray();
        foreach (var port in r.State.Ports.Values.Where(p => p.DeviceId == server.Id).OrderBy(p => p.Created))
        {
            var ips = new JsonArray(port.FixedIps.Select(ip => (JsonNode)new JsonObject { ["subnet_id"] = ip.SubnetId, ["ip_address"] = ip.IpAddress }).ToArray());
            list.Add(new JsonObject
            {
                ["port_id"] = port.Id,
                ["net_id"] = port.NetworkId,
                ["mac_addr"] = port.MacAddress,
                ["port_state"] = "ACTIVE",
                ["fixed_ips"] = ips,
            });
        }

        return new JsonReply(200, new JsonObject { ["interfaceAttachments"] = list });
    }
}
