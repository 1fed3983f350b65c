namespace CloudPe.OpenStack.Networking;

/// <summary>A Neutron network.</summary>
/// <param name="Id">Network UUID.</param>
/// <param name="Name">Network name.</param>
/// <param name="Status">ACTIVE, DOWN, ...</param>
/// <param name="Shared">Shared with other projects.</param>
/// <param name="External">router:external.</param>
/// <param name="SubnetIds">Subnets of the network.</param>
/// <param name="ProjectId">Owner project.</param>
public sealed record Network(string Id, string Name, string? Status, bool Shared, bool External, IReadOnlyList<string> SubnetIds, string? ProjectId);
