using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Nova's <c>/servers/{id}/tags</c> (2.26+) and <c>/servers/{id}/metadata</c> sub-resources.</summary>
internal static class ServerTagsAndMetadata
{
    public static void Map(ApiRouteMap map, string prefix)
    {
        map.Map(Services.Compute, prefix, "GET", "/servers/{id}/tags", r => TagList(Tagged(r)));
        map.Map(Services.Compute, prefix, "PUT", "/servers/{id}/tags", ReplaceTags);
        map.Map(Services.Compute, prefix, "DELETE", "/servers/{id}/tags", r => { Touch(r, Editable(Tagged(r), "delete tags")).Tags.Clear(); return new JsonReply(204, null); });
        map.Map(Services.Compute, prefix, "GET", "/servers/{id}/tags/{tag}", r => Tagged(r).Tags.Contains(r.Route("tag"))
            ? new JsonReply(204, null)
            : throw ApiException.NotFound($"Tag {r.Route("tag")} could not be found for instance {r.Route("id")}."));
        map.Map(Services.Compute, prefix, "PUT", "/servers/{id}/tags/{tag}", AddTag);
        map.Map(Services.Compute, prefix, "DELETE", "/servers/{id}/tags/{tag}", r => Touch(r, Editable(Tagged(r), "delete tag")).Tags.Remove(r.Route("tag"))
            ? new JsonReply(204, null)
            : throw ApiException.NotFound($"Tag {r.Route("tag")} could not be found for instance {r.Route("id")}."));

        map.Map(Services.Compute, prefix, "GET", "/servers/{id}/metadata", r => MetadataReply(ComputeApi.Find(r)));
        map.Map(Services.Compute, prefix, "PUT", "/servers/{id}/metadata", r => SetMetadata(r, replace: true));
        map.Map(Services.Compute, prefix, "POST", "/servers/{id}/metadata", r => SetMetadata(r, replace: false));
        map.Map(Services.Compute, prefix, "DELETE", "/servers/{id}/metadata/{key}", r => Touch(r, Editable(ComputeApi.Find(r), "delete metadata")).Metadata.Remove(r.Route("key"))
            ? new JsonReply(204, null)
            : throw ApiException.NotFound("Metadata item was not found"));
    }

    private static ServerRecord Tagged(ApiRequest r) =>
        r.Version < new ApiVersion(2, 26) ? throw ApiException.NotFound("The resource could not be found.") : ComputeApi.Find(r);

    /// <summary>Nova refuses metadata and tag changes unless the server is active, suspended or stopped (409).</summary>
    private static ServerRecord Editable(ServerRecord server, string action)
    {
        InstanceStateCheck.Require(server, action, InstanceStateCheck.Editable, InstanceStateCheck.AnyTask, mustHaveLaunched: false);
        return server;
    }

    private static ServerRecord Touch(ApiRequest r, ServerRecord server)
    {
        server.Updated = r.Now;
        return server;
    }

    private static JsonReply TagList(ServerRecord server) =>
        new(200, new JsonObject { ["tags"] = Paging.Strings(server.Tags) });

    private static JsonReply ReplaceTags(ApiRequest r)
    {
        var server = Tagged(r);
        Editable(server, "update tags");
        if ((r.Body as JsonObject)?["tags"] is not JsonArray array || array.Count > 50
            || array.Any(t => t is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !ValidTag(v.GetValue<string>())))
        {
            throw ApiException.BadRequest("Invalid input for field/attribute tags. Tags must be an array of at most 50 strings of 1-60 characters without '/' or ','");
        }

        Touch(r, server).Tags.Clear();
        server.Tags.AddRange(array.Select(t => t!.GetValue<string>()).Distinct(StringComparer.Ordinal));
        return TagList(server);
    }

    private static JsonReply AddTag(ApiRequest r)
    {
        var server = Editable(Tagged(r), "update tag");
        var tag = r.Route("tag");
        if (!ValidTag(tag))
        {
            throw ApiException.BadRequest($"Invalid input for field/attribute tag. Value: {tag}.");
        }

        if (server.Tags.Contains(tag))
        {
            return new JsonReply(204, null);
        }

        if (server.Tags.Count >= 50)
        {
            throw ApiException.BadRequest("The number of tags exceeded the per-server limit 50");
        }

        Touch(r, server).Tags.Add(tag);
        return new JsonReply(201, null, ("Location", $"{ComputeViews.ComputeRoot(r.State)}/servers/{server.Id}/tags/{Uri.EscapeDataString(tag)}"));
    }

    private static JsonReply MetadataReply(ServerRecord server) =>
        new(200, new JsonObject { ["metadata"] = Paging.Map(server.Metadata) });

    private static JsonReply SetMetadata(ApiRequest r, bool replace)
    {
        var server = Editable(ComputeApi.Find(r), "update metadata");
        var items = NovaMetadata.Parse(r.RequireObject("metadata"));
        if (replace)
        {
            server.Metadata.Clear();
        }

        foreach (var (key, value) in items)
        {
            server.Metadata[key] = value;
        }

        Touch(r, server);
        return MetadataReply(server);
    }

    private static bool ValidTag(string tag) =>
        tag.Length is > 0 and <= 60 && !tag.Contains('/', StringComparison.Ordinal) && !tag.Contains(',', StringComparison.Ordinal);
}
