namespace CloudPe.OpenStack.Identity;

/// <summary>Picks each service's endpoint for the wanted interface and region, and adds the version suffixes Neutron and Glance lack.</summary>
internal static class CatalogResolver
{
    private static readonly string[] BlockStorageTypes = ["volumev3", "block-storage", "volume"];

    public static ServiceEndpoints Resolve(IReadOnlyList<CatalogServiceWire>? catalog, string endpointInterface, string? region)
    {
        catalog ??= [];
        var compute = Find(catalog, ["compute"], endpointInterface, region);
        var network = WithSuffix(Find(catalog, ["network"], endpointInterface, region), "/v2.0");
        var volume = Find(catalog, BlockStorageTypes, endpointInterface, region);
        var image = WithSuffix(Find(catalog, ["image"], endpointInterface, region), "/v2");
        return new ServiceEndpoints(compute, network, volume, image);
    }

    private static Uri? Find(IReadOnlyList<CatalogServiceWire> catalog, ReadOnlySpan<string> types, string endpointInterface, string? region)
    {
        // Aliases in order of preference: the first type present with a matching endpoint wins.
        foreach (var type in types)
        {
            foreach (var service in catalog)
            {
                if (!string.Equals(service.Type, type, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var endpoint in service.Endpoints ?? [])
                {
                    if (string.Equals(endpoint.Interface, endpointInterface, StringComparison.OrdinalIgnoreCase)
                        && (string.IsNullOrEmpty(region)
                            || string.Equals(endpoint.RegionId, region, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(endpoint.Region, region, StringComparison.OrdinalIgnoreCase))
                        && Uri.TryCreate(endpoint.Url?.TrimEnd('/'), UriKind.Absolute, out var url))
                    {
                        return url;
                    }
                }
            }
        }

        return null;
    }

    private static Uri? WithSuffix(Uri? url, string suffix)
    {
        if (url is null)
        {
            return null;
        }

        var text = url.AbsoluteUri.TrimEnd('/');
        return text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? new Uri(text) : new Uri(text + suffix);
    }
}
