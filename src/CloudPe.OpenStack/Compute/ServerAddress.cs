namespace CloudPe.OpenStack.Compute;

/// <summary>One address of a server on one network.</summary>
/// <param name="Address">The IP address.</param>
/// <param name="Version">4 or 6.</param>
/// <param name="Type">OS-EXT-IPS:type: fixed or floating.</param>
/// <param name="MacAddress">OS-EXT-IPS-MAC:mac_addr.</param>
public sealed record ServerAddress(string Address, int Version, string? Type, string? MacAddress);
