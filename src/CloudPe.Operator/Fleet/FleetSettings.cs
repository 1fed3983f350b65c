namespace CloudPe.Operator.Fleet;

/// <summary>How the fleet status sync polls: one paged list per CloudPeServer per resync, single VMs only in transition.</summary>
public sealed class FleetSettings
{
    /// <summary>How often the whole fleet of a CloudPeServer is listed (<c>Operator:ResyncInterval</c>).</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Servers per page of the fleet list (<c>Operator:FleetPageSize</c>).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>How far before the start of the previous list a changes-since list starts (clock and rounding slack).</summary>
    public TimeSpan ChangesSinceSkew { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the snapshot keeps each server packed, decoded on read (<c>Operator:CompactCache</c>).</summary>
    public bool PackServers { get; init; } = true;

    /// <summary>Poll interval of a VM in transition (task state set, BUILD, RESIZE, deleting).</summary>
    public TimeSpan TransitionPollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
