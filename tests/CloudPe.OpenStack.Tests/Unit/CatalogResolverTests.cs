using CloudPe.OpenStack.Identity;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class CatalogResolverTests
{
    [Fact]
    public void Public_endpoints_get_version_suffixes()
    {
        var endpoints = CatalogResolver.Resolve(LabCatalog(), "public", null);

        Assert.Equal("http://127.0.0.1:8774/v2.1", endpoints.Compute!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9696/v2.0", endpoints.Network!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:8776/v3/8a71", endpoints.BlockStorage!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9292/v2", endpoints.Image!.AbsoluteUri);
    }

    [Fact]
    public void Region_and_interface_filter_the_catalog()
    {
        var endpoints = CatalogResolver.Resolve(LabCatalog(), "public", "RegionTwo");

        Assert.Equal("http://two.example:8774/v2.1", endpoints.Compute!.AbsoluteUri);
        Assert.Null(endpoints.Network);
        Assert.Equal("http://internal:8774/v2.1", CatalogResolver.Resolve(LabCatalog(), "internal", null).Compute!.AbsoluteUri);
    }

    [Theory]
    [InlineData("volumev3")]
    [InlineData("block-storage")]
    [InlineData("volume")]
    public void Block_storage_aliases_are_understood(string type)
    {
        var catalog = new List<CatalogServiceWire> { Service(type, ("public", "RegionOne", "http://cinder/v3/p")) };

        Assert.Equal("http://cinder/v3/p", CatalogResolver.Resolve(catalog, "public", null).BlockStorage!.AbsoluteUri);
    }

    [Fact]
    public void Existing_version_suffixes_are_not_doubled()
    {
        var catalog = new List<CatalogServiceWire>
        {
            Service("network", ("public", "R", "http://neutron/v2.0/")),
            Service("image", ("public", "R", "http://glance/v2")),
        };

        var endpoints = CatalogResolver.Resolve(catalog, "public", null);

        Assert.Equal("http://neutron/v2.0", endpoints.Network!.AbsoluteUri);
        Assert.Equal("http://glance/v2", endpoints.Image!.AbsoluteUri);
    }

    private static List<CatalogServiceWire> LabCatalog() =>
    [
        Service("compute", ("internal", "RegionOne", "http://internal:8774/v2.1"), ("public", "RegionOne", "http://127.0.0.1:8774/v2.1"), ("public", "RegionTwo", "http://two.example:8774/v2.1")),
        Service("network", ("public", "RegionOne", "http://127.0.0.1:9696")),
        Service("volumev3", ("public", "RegionOne", "http://127.0.0.1:8776/v3/8a71")),
        Service("image", ("public", "RegionOne", "http://127.0.0.1:9292")),
    ];

    private static CatalogServiceWire Service(string type, params (string Interface, string Region, string Url)[] endpoints) => new()
    {
        Type = type,
        Endpoints = endpoints.Select(e => new CatalogEndpointWire { Interface = e.Interface, RegionId = e.Region, Region = e.Region, Url = e.Url }).ToList(),
    };
}
