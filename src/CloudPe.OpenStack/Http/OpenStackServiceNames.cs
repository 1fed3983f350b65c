namespace CloudPe.OpenStack.Http;

/// <summary>Catalog type names used in errors, logs and metrics.</summary>
internal static class OpenStackServiceNames
{
    public static string Of(OpenStackService service) => service switch
    {
        OpenStackService.Identity => "identity",
        OpenStackService.Compute => "compute",
        OpenStackService.Network => "network",
        OpenStackService.BlockStorage => "volumev3",
        OpenStackService.Image => "image",
        _ => "unknown",
    };
}
