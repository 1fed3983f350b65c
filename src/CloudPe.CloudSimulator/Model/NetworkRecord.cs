namespace CloudPe.CloudSimulator.Model;

internal sealed record NetworkRecord(string Id, string Name, bool External, IReadOnlyList<string> SubnetIds);
