using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Images;

/// <summary>Glance v2: images.</summary>
public sealed class ImagesClient
{
    private readonly RequestSender _sender;

    internal ImagesClient(RequestSender sender)
    {
        _sender = sender;
    }

    /// <summary>GET /v2/images, following "next" until the last page; pageSize null leaves Glance's default.</summary>
    public async Task<IReadOnlyList<Image>> ListImagesAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var images = new List<Image>();
        string? marker = null;
        while (true)
        {
            var path = new QueryBuilder("/images").Add("limit", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("marker", marker).ToString();
            var page = await _sender.SendAsync(Call(path, "/v2/images", notFoundIsNull: false), OpenStackJsonContext.Default.ImageListWire, cancellationToken).ConfigureAwait(false);
            var items = page?.Images ?? [];
            images.AddRange(items.Select(Map));
            var next = PageMarker.FromHref(page?.Next);
            if (items.Count == 0 || next is null || next == marker)
            {
                return images;
            }

            marker = next;
        }
    }

    /// <summary>GET /v2/images/{id}; null when it does not exist.</summary>
    public async Task<Image?> GetImageAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var answer = await _sender.SendAsync(Call($"/images/{Uri.EscapeDataString(id)}", "/v2/images/{id}", notFoundIsNull: true), OpenStackJsonContext.Default.ImageWire, cancellationToken).ConfigureAwait(false);
        return answer is null ? null : Map(answer);
    }

    private static Image Map(ImageWire i) => new(
        i.Id ?? string.Empty, i.Name, i.Status ?? string.Empty, i.Visibility, i.MinDisk ?? 0, i.MinRam ?? 0, i.Size, i.DiskFormat, i.OsDistro);

    private static OpenStackRequest Call(string path, string route, bool notFoundIsNull) => new()
    {
        Service = OpenStackService.Image,
        Method = HttpMethod.Get,
        Path = path,
        Route = route,
        Idempotent = true,
        NotFoundIsNull = notFoundIsNull,
    };
}
