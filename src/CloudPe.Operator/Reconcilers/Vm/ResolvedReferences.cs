using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>The spec's names turned into the cloud's IDs, plus the effective boot volume size.</summary>
internal sealed record ResolvedReferences(
    InventoryFlavor Flavor,
    InventoryImage Image,
    InventoryNetwork Network,
    IReadOnlyList<int> IpVersions,
    InventorySecurityGroup SecurityGroup,
    InventoryVolumeType? VolumeType,
    int EffectiveSizeGiB)
{
    /// <summary>What status.osName shows: distro and version when Glance knows them, else the image name.</summary>
    public string OsName => string.IsNullOrEmpty(Image.OsDistro)
        ? Image.Name
        : string.IsNullOrEmpty(Image.OsVersion) ? Image.OsDistro : $"{Image.OsDistro} {Image.OsVersion}";
}
