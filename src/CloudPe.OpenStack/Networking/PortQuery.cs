namespace CloudPe.OpenStack.Networking;

/// <summary>Filters of GET /v2.0/ports.</summary>
/// <param name="DeviceId">Ports of this server.</param>
/// <param name="NetworkId">Ports on this network.</param>
/// <param name="Tags">Ports carrying all these tags.</param>
/// <param name="Name">Ports with exactly this name.</param>
public sealed record PortQuery(string? DeviceId = null, string? NetworkId = null, IReadOnlyList<string>? Tags = null, string? Name = null);
