namespace CloudPe.CloudSimulator.Http;

internal static class Services
{
    public const string Identity = "identity";
    public const string Compute = "compute";
    public const string Network = "network";
    public const string Volume = "volume";
    public const string Image = "image";
}
