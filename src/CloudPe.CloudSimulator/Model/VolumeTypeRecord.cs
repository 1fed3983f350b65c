namespace CloudPe.CloudSimulator.Model;

internal sealed record VolumeTypeRecord(string Id, string Name, string Description);
