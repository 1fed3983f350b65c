namespace CloudPe.OpenStack.Compute;

/// <summary>One NIC of a server to create: a network (Nova creates the port) or an existing port.</summary>
public sealed record ServerNetwork
{
    private ServerNetwork(string? networkId, string? portId)
    {
        NetworkId = networkId;
        PortId = portId;
    }

    /// <summary>Network UUID when Nova creates the port.</summary>
    public string? NetworkId { get; }

    /// <summary>Existing port UUID.</summary>
    public string? PortId { get; }

    /// <summary>Attach to a network; Nova creates the port.</summary>
    public static ServerNetwork FromNetwork(string networkId) => new(networkId, null);

    /// <summary>Attach an existing port (e.g. one with fixed IPs of chosen IP versions).</summary>
    public static ServerNetwork FromPort(string portId) => new(null, portId);
}
