namespace CloudPe.OpenStack.Compute;

/// <summary>A Nova flavor.</summary>
/// <param name="Id">Flavor ID.</param>
/// <param name="Name">Flavor name.</param>
/// <param name="Vcpus">vCPUs.</param>
/// <param name="RamMb">RAM in MiB.</param>
/// <param name="DiskGb">Root disk in GiB.</param>
public sealed record Flavor(string Id, string Name, int Vcpus, int RamMb, int DiskGb);
