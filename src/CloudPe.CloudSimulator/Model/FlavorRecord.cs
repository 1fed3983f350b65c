namespace CloudPe.CloudSimulator.Model;

internal sealed record FlavorRecord(string Id, string Name, int Vcpus, int RamMb, int DiskGb);
