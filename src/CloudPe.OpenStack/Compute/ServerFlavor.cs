namespace CloudPe.OpenStack.Compute;

/// <summary>The flavor embedded in a server: an ID before microversion 2.47, name and sizes from 2.47.</summary>
/// <param name="Id">Flavor ID (before 2.47).</param>
/// <param name="OriginalName">Flavor name (2.47+).</param>
/// <param name="Vcpus">vCPUs (2.47+).</param>
/// <param name="RamMb">RAM in MiB (2.47+).</param>
/// <param name="DiskGb">Root disk in GiB (2.47+).</param>
public sealed record ServerFlavor(string? Id, string? OriginalName, int? Vcpus, int? RamMb, int? DiskGb);
