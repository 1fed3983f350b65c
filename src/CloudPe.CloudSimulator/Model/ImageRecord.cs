namespace CloudPe.CloudSimulator.Model;

internal sealed record ImageRecord(
    string Id,
    string Name,
    int MinDiskGb,
    int MinRamMb,
    string OsDistro,
    string OsVersion,
    long SizeBytes,
    DateTimeOffset Created);
