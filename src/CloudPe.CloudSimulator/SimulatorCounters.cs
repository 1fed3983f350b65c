namespace CloudPe.CloudSimulator;

/// <summary>Request counts per route key since start or the last reset.</summary>
public sealed record SimulatorCounters(IReadOnlyDictionary<string, long> ByRoute, long Total);
