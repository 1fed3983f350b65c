namespace CloudPe.CloudSimulator.Model;

internal sealed record ServerFault(int Code, string Message, DateTimeOffset Created);
