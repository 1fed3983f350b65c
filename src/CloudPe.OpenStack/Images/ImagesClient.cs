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
        var limit = pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await MarkerPaging.ReadAllAsync(
                _sender,
                (marker, _) => ValueTask.FromResult(Call(new QueryBuilder("/images").Add("limit", limit).Add("marker", marker).ToString(), "/v2/images", notFoundIsNull: false)),
                OpenStackJsonContext.Default.ImageListWire,
                page => page.Images,
                page => PageMarker.FromHref(page.Next),
                cancellationToken)
            .Select(Map)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /v2/images/{id}; null when it does not exist.</summary>
    public async Task<Image?> GetImageAsync(string id, CancellationToken cancellationToken = default)
    {
        var answer = await _sender.SendAsync(Call($"/images/{PathSegment.Escape(id)}", "/v2/images/{id}", notFoundIsNull: true), OpenStackJsonContext.Default.ImageWire, cancellationToken).ConfigureAwait(false);
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
