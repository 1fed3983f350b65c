using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Refuses changes of image, network, ipMode and storage policy after create (the CRD refuses them too; this
/// catches what reached the object anyway). The server's create stamp records the original choices.
/// </summary>
internal static class CheckImmutableFields
{
    public static bool Run(VmContext ctx)
    {
        var stamp = ctx.Observed!.Metadata;
        var refs = ctx.Refs!;
        var changes = new List<string>();
        Compare(stamp, VmStamp.ImageMetadataKey, refs.Image.Id, "spec.image", ctx.Spec.Image, changes);
        Compare(stamp, VmStamp.NetworkMetadataKey, refs.Network.Id, "spec.network", ctx.Spec.Network, changes);
        Compare(stamp, VmStamp.IpModeMetadataKey, ctx.Spec.IpMode.ToString(), "spec.ipMode", ctx.Spec.IpMode.ToString(), changes);
        Compare(stamp, VmStamp.StoragePolicyMetadataKey, refs.VolumeType?.Name ?? "", "spec.volume.storagePolicy", ctx.Spec.Volume.StoragePolicy ?? "(default)", changes);
        if (changes.Count == 0)
        {
            return true;
        }

        ctx.Block(VmReasons.ImmutableFieldChanged, $"{string.Join("; ", changes)}. These fields cannot change after create: restore them, or delete and recreate the CloudPeVM.", stalled: true);
        return false;
    }

    private static void Compare(IReadOnlyDictionary<string, string> stamp, string key, string wanted, string field, string shown, List<string> changes)
    {
        if (stamp.TryGetValue(key, out var original) && !string.Equals(original, wanted, StringComparison.Ordinal))
        {
            changes.Add($"{field} changed to '{shown}' but the server was created with '{original}'");
        }
    }
}
