namespace CloudPe.OpenStack.BlockStorage;

/// <summary>A Cinder volume.</summary>
/// <param name="Id">Volume UUID.</param>
/// <param name="Name">Volume name.</param>
/// <param name="Status">available, in-use, extending, error, ...</param>
/// <param name="SizeGb">Size in GiB.</param>
/// <param name="VolumeType">Type name.</param>
/// <param name="Bootable">Bootable flag.</param>
/// <param name="AttachedServerIds">Servers it is attached to.</param>
/// <param name="Metadata">Volume metadata.</param>
public sealed record Volume(
    string Id,
    string? Name,
    string Status,
    int SizeGb,
    string? VolumeType,
    bool Bootable,
    IReadOnlyList<string> AttachedServerIds,
    IReadOnlyDictionary<string, string> Metadata);
