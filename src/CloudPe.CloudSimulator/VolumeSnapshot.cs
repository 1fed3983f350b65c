namespace CloudPe.CloudSimulator;

/// <summary>A Cinder volume.</summary>
public sealed record VolumeSnapshot(
    string Id,
    string Status,
    int Size,
    string VolumeType,
    IReadOnlyList<string> AttachedServerIds,
    IReadOnlyDictionary<string, string> Metadata,
    bool Bootable);
