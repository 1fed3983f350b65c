namespace CloudPe.OpenStack.Http;

/// <summary>
/// Reads the marker of the next page from a "next" link. The link's host and prefix are ignored on purpose: behind the
/// project path proxy the cloud may build links that do not route back, so the next request is rebuilt from our base URL.
/// </summary>
internal static class PageMarker
{
    public static string? FromLinks(IReadOnlyList<LinkWire>? links)
    {
        if (links is null)
        {
            return null;
        }

        foreach (var link in links)
        {
            if (string.Equals(link.Rel, "next", StringComparison.OrdinalIgnoreCase))
            {
                return FromHref(link.Href);
            }
        }

        return null;
    }

    public static string? FromHref(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        var query = href.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        foreach (var pair in href[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual("marker"))
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }
}
