namespace CloudPe.OpenStack;

/// <summary>Base URLs of the services, resolved from the Keystone catalog (interface and region filtered, version suffixes added).</summary>
/// <param name="Compute">Nova, e.g. https://host/openstack/14/compute/v2.1.</param>
/// <param name="Network">Neutron including /v2.0.</param>
/// <param name="BlockStorage">Cinder v3 (catalog type volumev3, block-storage or volume).</param>
/// <param name="Image">Glance including /v2.</param>
public sealed record ServiceEndpoints(Uri? Compute, Uri? Network, Uri? BlockStorage, Uri? Image);
