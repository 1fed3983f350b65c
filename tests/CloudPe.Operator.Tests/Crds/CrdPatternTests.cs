using System.Text.RegularExpressions;
using Xunit;
using static CloudPe.Operator.Tests.Crds.GeneratedCrds;

namespace CloudPe.Operator.Tests.Crds;

/// <summary>
/// The patterns as the CRDs carry them, evaluated with .NET regular expressions; the patterns use only
/// syntax that RE2 (the API server) reads the same way.
/// </summary>
public sealed class CrdPatternTests
{
    [Theory]
    [InlineData("cmp.dashboard.controlcloud.app", true)]
    [InlineData("cmp.dashboard.controlcloud.app:8443", true)]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("[2001:db8::1]:443", true)]
    [InlineData("localhost", true)]
    [InlineData("https://cmp.dashboard.controlcloud.app", false)]
    [InlineData("cmp.dashboard.controlcloud.app/openstack/14", false)]
    [InlineData("cmp.dashboard.controlcloud.app:", false)]
    [InlineData("host name", false)]
    [InlineData("-host", false)]
    [InlineData("", false)]
    public void Endpoint_accepts_host_and_port_only(string endpoint, bool valid)
    {
        Assert.Equal(valid, Matches(CrdFileNames.Servers, "spec.endpoint", endpoint));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/openstack/14", true)]
    [InlineData("openstack/14", false)]
    [InlineData("/openstack?x=1", false)]
    [InlineData("/open stack", false)]
    public void Project_path_starts_with_a_slash(string path, bool valid)
    {
        Assert.Equal(valid, Matches(CrdFileNames.Servers, "spec.projectPath", path));
    }

    [Theory]
    [InlineData("10m", true)]
    [InlineData("30s", true)]
    [InlineData("1h30m", true)]
    [InlineData("1.5h", true)]
    [InlineData("500ms", true)]
    [InlineData("0.5s", true)]
    [InlineData("0s", false)]
    [InlineData("-1m", false)]
    [InlineData("10", false)]
    [InlineData("1d", false)]
    [InlineData("10 m", false)]
    [InlineData("", false)]
    public void Inventory_refresh_interval_is_a_positive_duration(string interval, bool valid)
    {
        Assert.Equal(valid, Matches(CrdFileNames.Servers, "spec.inventoryRefreshInterval", interval));
    }

    [Theory]
    [InlineData("web-01", true)]
    [InlineData("a", true)]
    [InlineData("Web-01", false)]
    [InlineData("web_01", false)]
    [InlineData("web.example", false)]
    [InlineData("-web", false)]
    [InlineData("web-", false)]
    public void Hostname_is_an_rfc1123_label(string hostname, bool valid)
    {
        Assert.Equal(valid, Matches(CrdFileNames.Vms, "spec.hostname", hostname));
    }

    private static bool Matches(string file, string path, string value)
    {
        var pattern = Assert.IsType<string>(Property(file, path)["pattern"]);
        return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
