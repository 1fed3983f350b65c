namespace CloudPe.CloudSimulator;

/// <summary>An application credential of the simulated project.</summary>
public sealed record SimulatorCredential(string Id, string Secret);
