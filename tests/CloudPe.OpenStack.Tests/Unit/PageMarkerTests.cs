using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class PageMarkerTests
{
    [Theory]
    [InlineData("http://nova:8774/v2.1/servers/detail?limit=2&marker=abc-123", "abc-123")]
    [InlineData("/v2/images?marker=img%2F1&limit=20", "img/1")]
    [InlineData("/v2/images?limit=20", null)]
    [InlineData("/v2/images", null)]
    [InlineData(null, null)]
    public void Marker_is_taken_from_the_next_link(string? href, string? marker) => Assert.Equal(marker, PageMarker.FromHref(href));

    [Fact]
    public void Only_the_next_link_counts()
    {
        var links = new List<LinkWire>
        {
            new() { Rel = "self", Href = "/servers/detail?marker=self-1" },
            new() { Rel = "next", Href = "/servers/detail?marker=next-1" },
        };

        Assert.Equal("next-1", PageMarker.FromLinks(links));
        Assert.Null(PageMarker.FromLinks([links[0]]));
    }
}
