using CloudPe.OpenStack.Compute;
using CloudPe.OpenStack.Networking;

namespace CloudPe.OpenStack.Tests.Contract;

public sealed class NetworkingContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Networks_are_listed_with_their_subnets()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var networks = await connection.Networking.ListNetworksAsync(Ct);

        Assert.NotEmpty(networks);
        Assert.Contains(networks, n => n.SubnetIds.Count > 0);
    }

    [Fact]
    public async Task Subnets_carry_ip_versions_and_filter_by_version()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var all = await connection.Networking.ListSubnetsAsync(cancellationToken: Ct);
        var v6 = await connection.Networking.ListSubnetsAsync(ipVersion: 6, cancellationToken: Ct);

        Assert.Contains(all, s => s.IpVersion == 4);
        Assert.Contains(all, s => s.IpVersion == 6);
        Assert.NotEmpty(v6);
        Assert.All(v6, s => Assert.Equal(6, s.IpVersion));
    }

    [Fact]
    public async Task Security_groups_of_the_project_are_listed()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var auth = await connection.Identity.GetAuthenticationAsync(Ct);

        var groups = await connection.Networking.ListSecurityGroupsAsync(auth.ProjectId, Ct);

        Assert.Contains(groups, g => g.Name == "default");
    }

    [Fact]
    public async Task Port_with_one_fixed_ip_per_ip_version_is_created_read_tagged_listed_and_deleted()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var (networkId, subnets) = await DualStackNetworkAsync(connection);
        var groups = await connection.Networking.ListSecurityGroupsAsync(connection.ProjectId ?? (await connection.Identity.GetAuthenticationAsync(Ct)).ProjectId, Ct);

        var port = await connection.Networking.CreatePortAsync(new CreatePortRequest(networkId, subnets.Select(s => s.Id).ToList(), [groups[0].Id], "contract-port"), Ct);
        var tag = RunTags.For(connection);
        await connection.Networking.AddTagAsync("ports", port.Id, tag, Ct);
        var read = await connection.Networking.GetPortAsync(port.Id, Ct);
        var byNetwork = await connection.Networking.ListPortsAsync(new PortQuery(NetworkId: networkId), Ct);
        var byTag = await connection.Networking.ListPortsAsync(new PortQuery(Tags: [tag]), Ct);

        Assert.Equal("contract-port", port.Name);
        Assert.Equal(subnets.Select(s => s.Id).Order(), port.FixedIps.Select(f => f.SubnetId).Order());
        Assert.Contains(port.FixedIps, f => f.IpAddress.Contains(':', StringComparison.Ordinal));
        Assert.Contains(port.FixedIps, f => f.IpAddress.Contains('.', StringComparison.Ordinal));
        Assert.Equal([groups[0].Id], port.SecurityGroupIds);
        Assert.Equal([tag], read!.Tags);
        Assert.Contains(byNetwork, p => p.Id == port.Id);
        Assert.Equal(port.Id, Assert.Single(byTag).Id);
        Assert.True(await connection.Networking.DeletePortAsync(port.Id, Ct));
        Assert.Null(await connection.Networking.GetPortAsync(port.Id, Ct));
        Assert.False(await connection.Networking.DeletePortAsync(port.Id, Ct));
    }

    [Fact]
    public async Task Server_booted_on_a_port_shows_its_addresses_and_the_port_lists_by_device()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        var (networkId, subnets) = await DualStackNetworkAsync(connection);
        var port = await connection.Networking.CreatePortAsync(new CreatePortRequest(networkId, subnets.Select(s => s.Id).ToList()), Ct);
        await connection.Networking.AddTagAsync("ports", port.Id, RunTags.For(connection), Ct);

        var created = await connection.Compute.CreateServerAsync(inventory.Server("vm-port", [ServerNetwork.FromPort(port.Id)]), Ct);
        var server = await ServerWaiter.SettledAsync(connection, created.Id, "ACTIVE");
        var ports = await connection.Networking.ListPortsAsync(new PortQuery(DeviceId: created.Id), Ct);

        Assert.Equal(port.Id, Assert.Single(ports).Id);
        var addresses = server.Addresses.Values.SelectMany(a => a).ToList();
        Assert.Equal(port.FixedIps.Select(f => f.IpAddress).Order(), addresses.Select(a => a.Address).Order());
        Assert.Equal([4, 6], addresses.Select(a => a.Version).Order());
    }

    [Fact]
    public async Task Port_on_an_unknown_network_is_a_not_found_with_the_neutron_envelope()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var error = await Assert.ThrowsAsync<OpenStackNotFoundException>(() =>
            connection.Networking.CreatePortAsync(new CreatePortRequest("00000000-0000-0000-0000-000000000000", []), Ct));

        Assert.Equal("network", error.Service);
        Assert.Equal("NetworkNotFound", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.ServerMessage));
    }

    private static async Task<(string NetworkId, List<Subnet> Subnets)> DualStackNetworkAsync(OpenStackConnection connection)
    {
        var subnets = await connection.Networking.ListSubnetsAsync(cancellationToken: Ct);
        var dual = subnets.GroupBy(s => s.NetworkId).FirstOrDefault(g => g.Any(s => s.IpVersion == 4) && g.Any(s => s.IpVersion == 6));
        if (dual is null)
        {
            Assert.Skip("The cloud has no network with both an IPv4 and an IPv6 subnet.");
        }

        return (dual.Key, [dual.First(s => s.IpVersion == 4), dual.First(s => s.IpVersion == 6)]);
    }
}
