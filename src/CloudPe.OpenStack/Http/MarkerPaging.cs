using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace CloudPe.OpenStack.Http;

/// <summary>Follows limit/marker paging (Nova *_links, Cinder volumes_links, Glance next) until the last page.</summary>
internal static class MarkerPaging
{
    public static async IAsyncEnumerable<TItem> ReadAllAsync<TPage, TItem>(
        RequestSender sender,
        Func<string?, CancellationToken, ValueTask<OpenStackRequest>> request,
        JsonTypeInfo<TPage> type,
        Func<TPage, List<TItem>?> items,
        Func<TPage, string?> nextMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class
    {
        string? marker = null;
        while (true)
        {
            var call = await request(marker, cancellationToken).ConfigureAwait(false);
            var page = await sender.SendAsync(call, type, cancellationToken).ConfigureAwait(false);
            var list = page is null ? null : items(page);
            if (list is not { Count: > 0 })
            {
                yield break;
            }

            foreach (var item in list)
            {
                yield return item;
            }

            // A missing or repeated marker ends the walk, so a confused cloud cannot loop us forever.
            var next = nextMarker(page!);
            if (next is null || next == marker)
            {
                yield break;
            }

            marker = next;
        }
    }
}
