namespace CloudPe.OpenStack.Networking;

/// <summary>A Neutron security group.</summary>
/// <param name="Id">Group UUID.</param>
/// <param name="Name">Group name.</param>
/// <param name="ProjectId">Owner project.</param>
/// <param name="Description">Description.</param>
public sealed record SecurityGroup(string Id, string Name, string? ProjectId, string? Description);
