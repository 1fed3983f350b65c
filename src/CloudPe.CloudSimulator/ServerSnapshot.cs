namespace CloudPe.CloudSimulator;

/// <summary>A live (not yet deleted) server as Nova would report it.</summary>
public sealed record ServerSnapshot(
    string Id,
    string Name,
    string Status,
    string? TaskState,
    int PowerState,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata,
    string FlavorId,
    IReadOnlyList<string> VolumeIds,
    IReadOnlyList<string> PortIds);
