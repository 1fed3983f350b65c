namespace CloudPe.Operator.Tests.Crds;

internal static class CrdFileNames
{
    public const string Servers = "cloudpe.io_cloudpeservers.yaml";
    public const string Vms = "cloudpe.io_cloudpevms.yaml";
}
