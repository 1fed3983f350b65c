namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Flavor change: resize, wait for VERIFY_RESIZE, confirm. A suspended VM is resumed first (Nova resizes only active
/// or stopped servers); the power state step puts it back afterwards, so the user's power state survives.
/// </summary>
internal static class EnsureFlavor
{
    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var server = ctx.Observed!;
        var id = server.Id;
        var wanted = ctx.Refs!.Flavor;
        var compute = ctx.Cloud.Compute;
        if (string.Equals(server.Status, "VERIFY_RESIZE", StringComparison.OrdinalIgnoreCase))
        {
            await compute.ConfirmResizeAsync(id, cancellationToken).ConfigureAwait(false);
            await ctx.NormalAsync(VmReasons.ResizeConfirmed, $"Resize to {server.Flavor?.OriginalName ?? server.Flavor?.Id} confirmed.", cancellationToken).ConfigureAwait(false);
            ctx.Services.Fleet.SetInTransition(id, true);
            ctx.MarkActed(VmReasons.Resizing, "resize confirmed");
            return;
        }

        if (Matches(server.Flavor, wanted))
        {
            return;
        }

        var current = server.Flavor?.OriginalName ?? server.Flavor?.Id ?? "unknown";
        switch (server.Status.ToUpperInvariant())
        {
            case "SUSPENDED":
                await compute.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
                await ctx.NormalAsync(VmReasons.Resuming, $"Resuming to resize from {current} to {wanted.Name}; the VM is suspended again afterwards.", cancellationToken).ConfigureAwait(false);
                ctx.Services.Fleet.SetInTransition(id, true);
                ctx.MarkActed(VmReasons.Resizing, $"resuming before the resize to {wanted.Name}");
                break;
            case "ACTIVE" or "SHUTOFF":
                await compute.ResizeAsync(id, wanted.Id, cancellationToken).ConfigureAwait(false);
                await ctx.NormalAsync(VmReasons.Resizing, $"Resizing from {current} to {wanted.Name}.", cancellationToken).ConfigureAwait(false);
                ctx.Services.Fleet.SetInTransition(id, true);
                ctx.MarkActed(VmReasons.Resizing, $"resizing from {current} to {wanted.Name}");
                break;
        }
    }

    /// <summary>Nova reports the flavor by ID (before 2.47) or by its name (2.47 and later).</summary>
    public static bool Matches(OpenStack.Compute.ServerFlavor? current, Api.V1Alpha1.InventoryFlavor wanted) =>
        current is not null
        && (string.Equals(current.Id, wanted.Id, StringComparison.Ordinal) || string.Equals(current.OriginalName, wanted.Name, StringComparison.Ordinal));
}
