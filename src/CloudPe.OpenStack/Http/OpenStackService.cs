namespace CloudPe.OpenStack.Http;

/// <summary>The services the client talks to; <see cref="OpenStackServiceNames"/> gives their catalog types.</summary>
internal enum OpenStackService
{
    Identity,
    Compute,
    Network,
    BlockStorage,
    Image,
}
