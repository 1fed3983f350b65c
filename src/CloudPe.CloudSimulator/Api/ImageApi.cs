using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Glance v2: image list paged by limit/marker with a relative <c>next</c> link, and image show.</summary>
internal static class ImageApi
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 1000;

    public static void Map(ApiRouteMap map)
    {
        map.Map(Services.Image, "/image", "GET", "/", r => new JsonReply(300, new JsonObject
        {
            ["versions"] = new JsonArray(new JsonObject
            {
                ["id"] = "v2.16",
                ["status"] = "CURRENT",
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = r.State.PublicRoot + "/image/v2/" }),
            }),
        }), requiresAuth: false);
        map.Map(Services.Image, "/image", "GET", "/v2/images", List);
        map.Map(Services.Image, "/image", "GET", "/v2/images/{id}", r =>
        {
            var id = r.Route("id");
            var image = r.State.Images.FirstOrDefault(i => i.Id == id) ?? throw ApiException.NotFound($"No image found with ID {id}");
            return new JsonReply(200, View(r.State, image));
        });
    }

    private static JsonReply List(ApiRequest r)
    {
        var raw = r.QueryValue("limit");
        var limit = DefaultPageSize;
        if (raw is not null && (!int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            throw ApiException.BadRequest("limit param must be positive");
        }

        limit = Math.Min(limit, MaxPageSize);
        IEnumerable<ImageRecord> images = r.State.Images.OrderByDescending(i => i.Created).ThenByDescending(i => i.Id, StringComparer.Ordinal);
        foreach (var (key, values) in r.Query)
        {
            var wanted = values.ToString();
            images = key switch
            {
                "limit" or "marker" or "sort_key" or "sort_dir" or "sort" => images,
                "name" => images.Where(i => i.Name == wanted),
                "status" => images.Where(i => string.Equals(wanted, "active", StringComparison.OrdinalIgnoreCase)),
                "visibility" => images.Where(i => wanted is "public" or "all"),
                "os_distro" => images.Where(i => i.OsDistro == wanted),
                "os_version" => images.Where(i => i.OsVersion == wanted),
                "id" => images.Where(i => i.Id == wanted || wanted.StartsWith("in:", StringComparison.Ordinal) && wanted[3..].Split(',').Contains(i.Id)),
                _ => images.Where(_ => false),
            };
        }

        var marker = r.QueryValue("marker");
        var page = Paging.Page(images.ToList(), marker, limit, i => i.Id, () => ApiException.BadRequest($"Invalid marker. Image {marker} could not be found."));
        var body = new JsonObject
        {
            ["images"] = new JsonArray(page.Select(i => (JsonNode)View(r.State, i)).ToArray()),
            ["first"] = "/v2/images",
            ["schema"] = "/v2/schemas/images",
        };
        if (page.Count > 0 && page.Count == limit)
        {
            body["next"] = "/v2/images?" + Paging.Query(r.Query, ["marker", "limit"], $"marker={page[^1].Id}", $"limit={limit}");
        }

        return new JsonReply(200, body);
    }

    private static JsonObject View(CloudState state, ImageRecord i) => new()
    {
        ["id"] = i.Id,
        ["name"] = i.Name,
        ["status"] = "active",
        ["visibility"] = "public",
        ["protected"] = false,
        ["os_hidden"] = false,
        ["min_disk"] = i.MinDiskGb,
        ["min_ram"] = i.MinRamMb,
        ["os_distro"] = i.OsDistro,
        ["os_version"] = i.OsVersion,
        ["disk_format"] = "qcow2",
        ["container_format"] = "bare",
        ["size"] = i.SizeBytes,
        ["virtual_size"] = (long)i.MinDiskGb * 1024 * 1024 * 1024,
        ["checksum"] = i.Id.Replace("-", "", StringComparison.Ordinal),
        ["owner"] = state.ProjectId,
        ["tags"] = new JsonArray(),
        ["created_at"] = Timestamps.Seconds(i.Created),
        ["updated_at"] = Timestamps.Seconds(i.Created),
        ["self"] = $"/v2/images/{i.Id}",
        ["file"] = $"/v2/images/{i.Id}/file",
        ["schema"] = "/v2/schemas/image",
    };
}
