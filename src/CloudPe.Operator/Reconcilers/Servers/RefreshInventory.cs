using CloudPe.Controllers;
using CloudPe.OpenStack;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Reads flavors, images, networks (with their subnets' IP versions), security groups and volume types when the
/// inventory is older than spec.inventoryRefreshInterval (or the spec changed); each list is capped at
/// <see cref="ServerInventory.MaxEntries"/> entries, sorted by name, with the full count beside it.
/// </summary>
internal static class RefreshInventory
{
    public static async Task<StepResult> RunAsync(ServerReconcileContext context, TransientRetry retry, CancellationToken cancellationToken)
    {
        var interval = context.RefreshInterval;
        var ready = Conditions.Find(context.Status.Conditions, ConditionTypes.InventoryReady);
        var current = ready?.Status == ConditionStatus.True && ready.ObservedGeneration == context.Generation;
        if (current && context.Status.Inventory?.RefreshedAt is { } refreshedAt)
        {
            var age = context.Now - refreshedAt;
            if (age >= TimeSpan.Zero && age < interval)
            {
                return StepResult.ContinueThen(ReconcileResult.RequeueAfter(interval - age));
            }
        }

        var connection = context.Connection!;
        try
        {
            context.Status.Inventory = await ReadAsync(connection, context.Now, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackException e)
        {
            context.Fail(ConditionTypes.InventoryReady, ConditionReasons.InventoryRefreshFailed, $"Reading the inventory failed: {e.Message}", needsUser: false);
            return StepResult.StopWith(retry.Next(context));
        }

        var inventory = context.Status.Inventory;
        context.SetTrue(
            ConditionTypes.InventoryReady,
            ConditionReasons.InventoryReady,
            $"{inventory.FlavorCount} flavors, {inventory.ImageCount} images, {inventory.NetworkCount} networks, {inventory.SecurityGroupCount} security groups, {inventory.VolumeTypeCount} volume types.");
        return StepResult.ContinueThen(ReconcileResult.RequeueAfter(interval));
    }

    private static async Task<ServerInventory> ReadAsync(OpenStackConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var flavors = await connection.Compute.ListFlavorsAsync(cancellationToken).ConfigureAwait(false);
        var images = await connection.Images.ListImagesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var networks = await connection.Networking.ListNetworksAsync(cancellationToken).ConfigureAwait(false);
        var subnets = await connection.Networking.ListSubnetsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var groups = await connection.Networking.ListSecurityGroupsAsync(connection.ProjectId, cancellationToken).ConfigureAwait(false);
        var volumeTypes = await connection.BlockStorage.ListVolumeTypesAsync(cancellationToken).ConfigureAwait(false);

        var versions = subnets
            .GroupBy(s => s.NetworkId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.IpVersion).Distinct().Order().ToList(), StringComparer.Ordinal);

        return new ServerInventory
        {
            // Seconds only: metav1 timestamps carry no fraction, so a round trip stays equal.
            RefreshedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            Flavors = Cap(flavors, f => f.Name, f => new InventoryFlavor { Id = f.Id, Name = f.Name, Vcpus = f.Vcpus, RamMiB = f.RamMb, DiskGiB = f.DiskGb }),
            FlavorCount = flavors.Count,
            Images = Cap(images, i => i.Name ?? i.Id, i => new InventoryImage { Id = i.Id, Name = i.Name ?? i.Id, MinDiskGiB = i.MinDiskGb, OsDistro = i.OsDistro }),
            ImageCount = images.Count,
            Networks = Cap(networks, n => n.Name, n => new InventoryNetwork
            {
                Id = n.Id,
                Name = n.Name,
                External = n.External,
                IpVersions = versions.TryGetValue(n.Id, out var v) ? v : [],
            }),
            NetworkCount = networks.Count,
            SecurityGroups = Cap(groups, g => g.Name, g => new InventorySecurityGroup { Id = g.Id, Name = g.Name }),
            SecurityGroupCount = groups.Count,
            VolumeTypes = Cap(volumeTypes, t => t.Name, t => new InventoryVolumeType { Id = t.Id, Name = t.Name }),
            VolumeTypeCount = volumeTypes.Count,
        };
    }

    private static List<TOut> Cap<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, string> name, Func<TIn, TOut> map) =>
        [.. items.OrderBy(name, StringComparer.Ordinal).Take(ServerInventory.MaxEntries).Select(map)];
}
