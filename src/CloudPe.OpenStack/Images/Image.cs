namespace CloudPe.OpenStack.Images;

/// <summary>A Glance image.</summary>
/// <param name="Id">Image UUID.</param>
/// <param name="Name">Image name.</param>
/// <param name="Status">active, queued, ...</param>
/// <param name="Visibility">public, private, shared, community.</param>
/// <param name="MinDiskGb">Minimum disk in GiB.</param>
/// <param name="MinRamMb">Minimum RAM in MiB.</param>
/// <param name="SizeBytes">Image size.</param>
/// <param name="DiskFormat">qcow2, raw, ...</param>
/// <param name="OsDistro">os_distro property, when set.</param>
public sealed record Image(
    string Id,
    string? Name,
    string Status,
    string? Visibility,
    int MinDiskGb,
    int MinRamMb,
    long? SizeBytes,
    string? DiskFormat,
    string? OsDistro);
