namespace CloudPe.CloudSimulator.Model;

internal sealed record SecurityGroupRecord(string Id, string Name, string Description, IReadOnlyList<SecurityGroupRuleRecord> Rules);

internal sealed record SecurityGroupRuleRecord(string Id, string Direction, string EtherType, string? Protocol, int? PortMin, int? PortMax, string? RemoteIpPrefix);
