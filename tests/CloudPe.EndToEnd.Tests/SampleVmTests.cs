using System.Net;
using System.Net.Sockets;
using CloudPe.EndToEnd.Tests.Support;

namespace CloudPe.EndToEnd.Tests;

/// <summary>Every sample in config/samples applied with kubectl: Ready, the printed columns, the addresses of its IP mode, and a clean delete.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SampleVmTests(SandboxFixture fixture)
{
    // name → (flavor, power, IPv4 prefix or null, IPv6 prefix or null), as the sample files and the simulator's subnets say.
    private static readonly Dictionary<string, (string Flavor, string Power, string? V4, string? V6)> Expected = new(StringComparer.Ordinal)
    {
        ["web-ipv4"] = ("c1.small", "Running", "203.0.113.", null),
        ["web-dualstack"] = ("c1.medium", "Running", "203.0.113.", "2001:db8:100:"),
        ["app-ipv6"] = ("c1.small", "Running", null, "fd00:20:"),
        ["db-large"] = ("c1.large", "Running", "10.20.0.", null),
        ["batch-stopped"] = ("c1.small", "Stopped", "10.20.0.", null),
    };

    [Fact]
    public async Task Every_sample_becomes_Ready_with_its_columns_and_the_addresses_of_its_IP_mode_and_deletes_cleanly()
    {
        var kubectl = fixture.RequireKubectl();
        var cloud = await CloudProbe.FromSandboxAsync(fixture.Sandbox, kubectl);
        try
        {
            await kubectl.OkAsync("apply", "-f", "config/samples/");
            await kubectl.OkAsync("wait", "--for=condition=Ready", "cpvm", "--all", "--timeout=60s");

            var table = new KubectlTable(await kubectl.OkAsync("get", "cpvm"));
            Assert.Equal(["NAME", "SERVER", "FLAVOR", "POWER", "PHASE", "IPV4", "IPV6", "AGE"], table.Columns);
            foreach (var (name, expected) in Expected)
            {
                var row = table.Row(name);
                Assert.Equal("sandbox", row["SERVER"]);
                Assert.Equal(expected.Flavor, row["FLAVOR"]);
                Assert.Equal(expected.Power, row["POWER"]);
                Assert.Equal(expected.Power, row["PHASE"]);
                AssertAddress(name, row["IPV4"], expected.V4, AddressFamily.InterNetwork);
                AssertAddress(name, row["IPV6"], expected.V6, AddressFamily.InterNetworkV6);
            }

            Assert.Equal(Expected.Count, (await cloud.ListAsync()).Servers.Count);

            await kubectl.OkAsync("delete", "-f", "config/samples/", "--timeout=60s");
            var left = await cloud.ListAsync();
            Assert.True(left.IsEmpty, $"left in the cloud: {left}");
        }
        finally
        {
            await kubectl.RunAsync("delete", "cpvm", "--all", "--ignore-not-found", "--timeout=60s");
        }
    }

    private static void AssertAddress(string vm, string cell, string? prefix, AddressFamily family)
    {
        if (prefix is null)
        {
            Assert.True(cell.Length == 0, $"{vm} should have no {family} address, has '{cell}'");
            return;
        }

        Assert.True(IPAddress.TryParse(cell, out var address) && address.AddressFamily == family, $"{vm}: '{cell}' is not an {family} address");
        Assert.StartsWith(prefix, cell, StringComparison.Ordinal);
    }
}
