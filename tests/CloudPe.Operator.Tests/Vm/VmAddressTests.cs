using CloudPe.Operator.Api.V1Alpha1;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmAddressTests
{
    [Theory]
    [InlineData(IpMode.IPv4, "private-v4", "10.20.0.", null)]
    [InlineData(IpMode.IPv6, "private-v6", null, "fd00:20:")]
    [InlineData(IpMode.DualStack, "public-net", "203.0.113.", "2001:db8:100:")]
    public async Task The_port_and_the_status_carry_the_addresses_of_the_asked_ip_versions(IpMode mode, string network, string? v4Prefix, string? v6Prefix)
    {
        await using var bed = await VmTestbed.StartAsync();
        var vm = await bed.CreateVmAsync("addr", VmTestbed.Spec(network: network, ipMode: mode));

        var ready = await bed.UntilAsync("addr", VmConditionsAssert.Ready, "the VM is Ready");

        AssertPrefix(v4Prefix, ready.Status.Ipv4);
        AssertPrefix(v6Prefix, ready.Status.Ipv6);
        Assert.All(ready.Status.Addresses, a => Assert.Equal(network, a.Network));
        var versions = ready.Status.Addresses.Select(a => a.Version).Order().ToList();
        Assert.Equal(ResolveVersions(mode), versions);
        var port = Assert.Single(bed.Cloud.Admin.Snapshot().Ports, p => p.Tags.Contains("cloudpe-uid-" + vm.Metadata.Uid));
        Assert.Equal(ResolveVersions(mode), port.FixedIps.Select(f => f.IpVersion).Order().ToList());
        Assert.Equal(bed.ServersOf(vm).Single().Id, port.DeviceId);
    }

    private static List<int> ResolveVersions(IpMode mode) => mode switch
    {
        IpMode.IPv6 => [6],
        IpMode.DualStack => [4, 6],
        _ => [4],
    };

    private static void AssertPrefix(string? prefix, string? address)
    {
        if (prefix is null)
        {
            Assert.Null(address);
        }
        else
        {
            Assert.NotNull(address);
            Assert.StartsWith(prefix, address, StringComparison.Ordinal);
        }
    }
}
