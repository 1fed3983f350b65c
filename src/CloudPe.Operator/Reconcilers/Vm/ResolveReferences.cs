using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Resolves flavor, image, network, security group and storage policy (each by ID or by name) against the
/// CloudPeServer's inventory, checks the network has subnets of the asked IP versions, and computes the
/// effective volume size: max(spec, server floor, image minimum).
/// </summary>
internal static class ResolveReferences
{
    public static (ResolvedReferences? Resolved, ReferenceFailure? Failure) Run(CloudPeVMSpec spec, CloudPeServer server)
    {
        var inventory = server.Status.Inventory ?? new ServerInventory();
        var serverName = server.Metadata.Name;

        var flavor = Find(inventory.Flavors, spec.Flavor, f => f.Id, f => f.Name);
        if (flavor is null)
        {
            return Fail(VmReasons.FlavorNotFound, "spec.flavor", "flavor", spec.Flavor, serverName, inventory.Flavors.Select(f => f.Name));
        }

        var image = Find(inventory.Images, spec.Image, i => i.Id, i => i.Name);
        if (image is null)
        {
            return Fail(VmReasons.ImageNotFound, "spec.image", "image", spec.Image, serverName, inventory.Images.Select(i => i.Name));
        }

        var network = Find(inventory.Networks, spec.Network, n => n.Id, n => n.Name);
        if (network is null)
        {
            return Fail(VmReasons.NetworkNotFound, "spec.network", "network", spec.Network, serverName, inventory.Networks.Select(n => n.Name));
        }

        var versions = IpVersionsOf(spec.IpMode);
        var missing = versions.Where(v => !network.IpVersions.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            var suitable = inventory.Networks.Where(n => versions.All(n.IpVersions.Contains)).Select(n => n.Name).ToList();
            return (null, new ReferenceFailure(
                VmReasons.IpVersionUnavailable,
                $"spec.ipMode {spec.IpMode}: network '{network.Name}' has no IPv{string.Join(" or IPv", missing)} subnet; "
                + (suitable.Count == 0 ? "no network of the server has one." : $"networks that fit: {string.Join(", ", suitable.Take(5))}.")));
        }

        var group = Find(inventory.SecurityGroups, spec.SecurityGroup, g => g.Id, g => g.Name);
        if (group is null)
        {
            return Fail(VmReasons.SecurityGroupNotFound, "spec.securityGroup", "security group", spec.SecurityGroup, serverName, inventory.SecurityGroups.Select(g => g.Name));
        }

        InventoryVolumeType? volumeType = null;
        if (!string.IsNullOrEmpty(spec.Volume.StoragePolicy))
        {
            volumeType = Find(inventory.VolumeTypes, spec.Volume.StoragePolicy, t => t.Id, t => t.Name);
            if (volumeType is null)
            {
                return Fail(VmReasons.StoragePolicyNotFound, "spec.volume.storagePolicy", "volume type", spec.Volume.StoragePolicy, serverName, inventory.VolumeTypes.Select(t => t.Name));
            }
        }

        var size = EffectiveSize(spec.Volume.SizeGiB, server.Spec.MinVolumeSizeGiB, image.MinDiskGiB);
        return (new ResolvedReferences(flavor, image, network, versions, group, volumeType, size), null);
    }

    public static int EffectiveSize(int specSize, int serverFloor, int imageMinimum) => Math.Max(specSize, Math.Max(serverFloor, imageMinimum));

    public static IReadOnlyList<int> IpVersionsOf(IpMode mode) => mode switch
    {
        IpMode.IPv6 => [6],
        IpMode.DualStack => [4, 6],
        _ => [4],
    };

    // An exact ID wins; then an exact name; then a name differing only in case when that is unambiguous.
    private static T? Find<T>(IList<T> items, string wanted, Func<T, string> id, Func<T, string> name)
        where T : class
    {
        var byId = items.FirstOrDefault(i => string.Equals(id(i), wanted, StringComparison.Ordinal));
        if (byId is not null)
        {
            return byId;
        }

        var byName = items.Where(i => string.Equals(name(i), wanted, StringComparison.Ordinal)).ToList();
        if (byName.Count >= 1)
        {
            return byName[0];
        }

        var folded = items.Where(i => string.Equals(name(i), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return folded.Count == 1 ? folded[0] : null;
    }

    private static (ResolvedReferences?, ReferenceFailure?) Fail(string reason, string field, string what, string value, string serverName, IEnumerable<string> names) =>
        (null, new ReferenceFailure(reason, $"{field}: no {what} named or with ID '{value}' in the inventory of CloudPeServer {serverName}; {ClosestNames.Describe(value, names)}."));
}
