using System.Text;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.BlockStorage;

/// <summary>Cinder v3: volume types and volumes.</summary>
public sealed class BlockStorageClient
{
    /// <summary>Microversion that extends an in-use (attached) volume.</summary>
    public static readonly Microversion ExtendMicroversion = new(3, 42);

    private readonly RequestSender _sender;

    internal BlockStorageClient(RequestSender sender)
    {
        _sender = sender;
    }

    /// <summary>GET /types.</summary>
    public async Task<IReadOnlyList<VolumeType>> ListVolumeTypesAsync(CancellationToken cancellationToken = default)
    {
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, "/types", "/types"), OpenStackJsonContext.Default.VolumeTypeListWire, cancellationToken).ConfigureAwait(false);
        return (answer?.VolumeTypes ?? []).Select(t => new VolumeType(t.Id ?? string.Empty, t.Name ?? string.Empty, t.Description, t.IsPublic ?? t.IsPublicPlain ?? true)).ToArray();
    }

    /// <summary>GET /volumes/{id}; null when it does not exist.</summary>
    public async Task<Volume?> GetVolumeAsync(string id, CancellationToken cancellationToken = default)
    {
        var answer = await _sender.SendAsync(Call(HttpMethod.Get, $"/volumes/{PathSegment.Escape(id)}", "/volumes/{id}", notFoundIsNull: true), OpenStackJsonContext.Default.VolumeEnvelopeWire, cancellationToken).ConfigureAwait(false);
        return answer?.Volume is { } volume ? Map(volume) : null;
    }

    /// <summary>GET /volumes/detail, all pages, optionally only volumes whose metadata contains every given pair.</summary>
    public async Task<IReadOnlyList<Volume>> ListVolumesAsync(IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        string? filter = null;
        if (metadata is { Count: > 0 })
        {
            // Cinder takes the filter as a JSON object in the query string.
            filter = Encoding.UTF8.GetString(JsonBody.Write(metadata, static (w, m) =>
            {
                foreach (var (key, value) in m)
                {
                    w.WriteString(key, value);
                }
            }));
        }

        return await MarkerPaging.ReadAllAsync(
                _sender,
                (marker, _) => ValueTask.FromResult(Call(HttpMethod.Get, new QueryBuilder("/volumes/detail").Add("metadata", filter).Add("marker", marker).ToString(), "/volumes/detail")),
                OpenStackJsonContext.Default.VolumeListWire,
                page => page.Volumes,
                page => PageMarker.FromLinks(page.Links),
                cancellationToken)
            .Select(Map)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>os-extend to a new size with microversion 3.42 (works on in-use volumes). Not retried.</summary>
    public async Task ExtendVolumeAsync(string id, int newSizeGb, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newSizeGb);
        var body = JsonBody.Write(newSizeGb, static (w, size) =>
        {
            w.WriteStartObject("os-extend");
            w.WriteNumber("new_size", size);
            w.WriteEndObject();
        });
        var call = new OpenStackRequest
        {
            Service = OpenStackService.BlockStorage,
            Method = HttpMethod.Post,
            Path = $"/volumes/{PathSegment.Escape(id)}/action",
            Route = "/volumes/{id}/action:os-extend",
            Body = body,
            Idempotent = false,
            ApiVersion = $"volume {ExtendMicroversion}",
        };
        using var response = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETE /volumes/{id}; false when it was already gone.</summary>
    public async Task<bool> DeleteVolumeAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _sender.SendAsync(Call(HttpMethod.Delete, $"/volumes/{PathSegment.Escape(id)}", "/volumes/{id}", notFoundIsNull: true), cancellationToken).ConfigureAwait(false);
        return response is not null;
    }

    private static Volume Map(VolumeWire v) => new(
        v.Id ?? string.Empty,
        v.Name,
        v.Status ?? string.Empty,
        v.Size,
        v.VolumeType,
        v.Bootable,
        (v.Attachments ?? []).Where(a => a.ServerId is not null).Select(a => a.ServerId!).ToArray(),
        v.Metadata ?? new Dictionary<string, string>());

    private static OpenStackRequest Call(HttpMethod method, string path, string route, bool notFoundIsNull = false) => new()
    {
        Service = OpenStackService.BlockStorage,
        Method = method,
        Path = path,
        Route = route,
        Idempotent = true,
        NotFoundIsNull = notFoundIsNull,
    };
}
