namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Boot volume growth with Cinder extend (3.42, works while attached). The volume is read only when its size is
/// unknown, a growth is due or a sync was asked for, so steady VMs cost no request. A shrink is refused.
/// </summary>
internal static class EnsureVolumeSize
{
    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Status.VolumeId is not { } volumeId)
        {
            return;
        }

        var wanted = ctx.Refs!.EffectiveSizeGiB;
        var known = ctx.Status.VolumeSizeGiB;
        if (known is null || wanted > known || ctx.ForceRefresh)
        {
            var volume = await ctx.Cloud.BlockStorage.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
            if (volume is null)
            {
                return;
            }

            ctx.Status.VolumeSizeGiB = volume.SizeGb;
            known = volume.SizeGb;
            if (string.Equals(volume.Status, "extending", StringComparison.OrdinalIgnoreCase))
            {
                ctx.MarkActed(VmReasons.Resizing, $"volume {volumeId} is being extended to {wanted} GiB");
                return;
            }
        }

        if (wanted > known)
        {
            await ctx.Cloud.BlockStorage.ExtendVolumeAsync(volumeId, wanted, cancellationToken).ConfigureAwait(false);
            await ctx.NormalAsync(VmReasons.VolumeExtending, $"Extending volume {volumeId} from {known} to {wanted} GiB.", cancellationToken).ConfigureAwait(false);
            ctx.MarkActed(VmReasons.Resizing, $"volume {volumeId} is being extended from {known} to {wanted} GiB");
            return;
        }

        // Below the floors the spec value never counted; above them it is an explicit ask for a smaller disk.
        var asked = ctx.Spec.Volume.SizeGiB;
        var floors = ResolveReferences.EffectiveSize(1, ctx.Server!.Spec.MinVolumeSizeGiB, ctx.Refs.Image.MinDiskGiB);
        if (asked < known && asked >= floors && asked == wanted)
        {
            ctx.Block(VmReasons.VolumeShrinkRefused, $"spec.volume.sizeGiB {asked} is smaller than the volume ({known} GiB); a volume can grow but never shrink.", stalled: true);
        }
    }
}
