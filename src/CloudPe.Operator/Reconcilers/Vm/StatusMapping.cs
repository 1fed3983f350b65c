using CloudPe.OpenStack.Compute;
using NovaServer = CloudPe.OpenStack.Compute.Server;
using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>Nova's view of a server turned into CloudPeVM status fields (openstack.md, "Status mapping").</summary>
internal static class StatusMapping
{
    public static VmPhase PhaseOf(NovaServer server)
    {
        if (string.Equals(server.TaskState, "deleting", StringComparison.OrdinalIgnoreCase))
        {
            return VmPhase.Deleting;
        }

        return server.Status.ToUpperInvariant() switch
        {
            "ACTIVE" or "REBOOT" or "HARD_REBOOT" or "PASSWORD" or "REBUILD" => VmPhase.Running,
            "SHUTOFF" => VmPhase.Stopped,
            "SUSPENDED" or "PAUSED" => VmPhase.Suspended,
            "BUILD" => VmPhase.Provisioning,
            "RESIZE" or "VERIFY_RESIZE" or "REVERT_RESIZE" or "MIGRATING" => VmPhase.Resizing,
            "ERROR" => VmPhase.Failed,
            "DELETED" or "SOFT_DELETED" => VmPhase.Deleting,
            "SHELVED" or "SHELVED_OFFLOADED" => VmPhase.Stopped,
            _ => VmPhase.Provisioning,
        };
    }

    public static PowerState? PowerOf(NovaServer server) => server.Status.ToUpperInvariant() switch
    {
        "ACTIVE" or "REBOOT" or "HARD_REBOOT" or "PASSWORD" => PowerState.Running,
        "SHUTOFF" or "SHELVED" or "SHELVED_OFFLOADED" => PowerState.Stopped,
        "SUSPENDED" => PowerState.Suspended,
        _ => server.PowerState switch
        {
            1 => PowerState.Running,
            4 => PowerState.Stopped,
            7 => PowerState.Suspended,
            _ => null,
        },
    };

    /// <summary>A task is running or the server is still building: wait, do not issue another action.</summary>
    public static bool IsBusy(NovaServer server) =>
        server.TaskState is not null || string.Equals(server.Status, "BUILD", StringComparison.OrdinalIgnoreCase);

    /// <summary>Read this server on its own until it settles (busy, or a resize waiting to be confirmed).</summary>
    public static bool NeedsPolling(NovaServer server) =>
        IsBusy(server) || server.Status.ToUpperInvariant() is "RESIZE" or "VERIFY_RESIZE" or "REVERT_RESIZE";

    /// <summary>The in-progress reason of a busy server, from its task state.</summary>
    public static (string Reason, string Message) ProgressOf(NovaServer server)
    {
        var task = server.TaskState ?? "";
        var reason = task switch
        {
            "spawning" or "scheduling" or "networking" or "block_device_mapping" => VmReasons.Provisioning,
            "powering-on" => VmReasons.Starting,
            "powering-off" => VmReasons.Stopping,
            "suspending" => VmReasons.Suspending,
            "resuming" => VmReasons.Resuming,
            "rebooting" or "rebooting_hard" or "reboot_pending" or "reboot_started" or "reboot_pending_hard" or "reboot_started_hard" => VmReasons.Rebooting,
            "deleting" => VmReasons.Deleting,
            _ when task.StartsWith("resize", StringComparison.Ordinal) => VmReasons.Resizing,
            "" when string.Equals(server.Status, "BUILD", StringComparison.OrdinalIgnoreCase) => VmReasons.Provisioning,
            _ => VmReasons.InProgress,
        };
        return (reason, task.Length == 0 ? $"server is {server.Status}" : $"server is {server.Status}, task {task}");
    }

    /// <summary>Copies what Nova reports into <paramref name="status"/>.</summary>
    public static void Apply(CloudPeVMStatus status, NovaServer server, IpMode ipMode, ServerInventory? inventory, ResolvedReferences? refs)
    {
        status.VmId = server.Id;
        status.Phase = PhaseOf(server);
        status.PowerState = PowerOf(server);
        status.OpenStackStatus = server.Status;
        status.TaskState = server.TaskState;

        var addresses = server.Addresses
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .SelectMany(n => n.Value.Select(a => new VmAddress { Network = n.Key, Address = a.Address, Version = a.Version, Type = a.Type }))
            .ToList();
        status.Addresses = addresses;
        var versions = ResolveReferences.IpVersionsOf(ipMode);
        status.Ipv4 = versions.Contains(4) ? Pick(addresses, 4) : null;
        status.Ipv6 = versions.Contains(6) ? Pick(addresses, 6) : null;

        status.FlavorId = server.Flavor?.Id
            ?? inventory?.Flavors.FirstOrDefault(f => string.Equals(f.Name, server.Flavor?.OriginalName, StringComparison.Ordinal))?.Id
            ?? status.FlavorId;

        // A boot-from-volume server has no image; the create stamp remembers it.
        var imageId = !string.IsNullOrEmpty(server.ImageId) ? server.ImageId : server.Metadata.GetValueOrDefault(VmStamp.ImageMetadataKey);
        status.ImageId = imageId ?? refs?.Image.Id ?? status.ImageId;
        var image = inventory?.Images.FirstOrDefault(i => i.Id == status.ImageId);
        if (image is not null && refs is not null && refs.Image.Id == image.Id)
        {
            status.OsName = refs.OsName;
        }
        else if (image is not null)
        {
            status.OsName = string.IsNullOrEmpty(image.OsDistro) ? image.Name : $"{image.OsDistro} {image.OsVersion}".Trim();
        }

        status.VolumeId = server.AttachedVolumeIds.Count > 0 ? server.AttachedVolumeIds[0] : status.VolumeId;
    }

    // A floating address is what users reach the VM on; otherwise the first fixed one.
    private static string? Pick(List<VmAddress> addresses, int version) =>
        addresses.FirstOrDefault(a => a.Version == version && a.Type == "floating")?.Address
        ?? addresses.FirstOrDefault(a => a.Version == version)?.Address;
}
