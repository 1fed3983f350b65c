using CloudPe.OpenStack.Compute;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>What a test needs to boot a server, discovered through the client itself so it works on any cloud.</summary>
internal sealed record Inventory(string FlavorId, string LargerFlavorId, string ImageId, string NetworkId, string VolumeType, string SecurityGroup, string RunTag)
{
    public static async Task<Inventory> DiscoverAsync(OpenStackConnection connection)
    {
        var ct = TestContext.Current.CancellationToken;
        var flavors = (await connection.Compute.ListFlavorsAsync(ct)).OrderBy(f => f.RamMb).ThenBy(f => f.Vcpus).ToList();
        var images = await connection.Images.ListImagesAsync(cancellationToken: ct);
        var networks = await connection.Networking.ListNetworksAsync(ct);
        var types = await connection.BlockStorage.ListVolumeTypesAsync(ct);
        var auth = await connection.Identity.GetAuthenticationAsync(ct);
        var groups = await connection.Networking.ListSecurityGroupsAsync(auth.ProjectId, ct);
        var network = networks.FirstOrDefault(n => !n.External) ?? networks[0];
        return new Inventory(
            flavors[0].Id,
            flavors[1].Id,
            images.First(i => i.Status == "active").Id,
            network.Id,
            types[0].Name,
            groups.FirstOrDefault(g => g.Name == "default")?.Id ?? groups[0].Id,
            RunTags.For(connection));
    }

    public CreateServerRequest Server(string name, IReadOnlyList<ServerNetwork>? networks = null, IReadOnlyList<string>? tags = null) => new()
    {
        Name = name,
        FlavorRef = FlavorId,
        Networks = networks ?? [ServerNetwork.FromNetwork(NetworkId)],
        BootVolume = new BootVolume(ImageId, 20, VolumeType),
        SecurityGroups = networks is null ? [SecurityGroup] : null,
        AdminPass = "Contract-Pa55word!",
        Metadata = new Dictionary<string, string> { ["cloudpe_uid"] = name },
        Tags = [.. tags ?? [], RunTag],
    };
}
