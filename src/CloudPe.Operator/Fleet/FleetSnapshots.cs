using System.Collections.Concurrent;
using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Operator.Fleet;

/// <summary>
/// In-memory fleet state per CloudPeServer that CloudPeVM reconciles read instead of GETting each server, plus the
/// set of VMs in transition that are read one by one until they settle.
/// </summary>
public sealed class FleetSnapshots
{
    private readonly ConcurrentDictionary<string, ServerFleet> _fleets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inTransition = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public FleetSnapshots(FleetSettings settings) => Settings = settings;

    /// <summary>The polling settings.</summary>
    public FleetSettings Settings { get; }

    /// <summary>Lists the servers of <paramref name="serverKey"/> when the last list is a resync interval old.</summary>
    public Task EnsureFreshAsync(string serverKey, OpenStackConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fleet(serverKey).EnsureFreshAsync(connection, Settings, now, cancellationToken);

    /// <summary>The last known state of cloud server <paramref name="serverId"/>, or null when not seen.</summary>
    public Server? Get(string serverKey, string serverId) => Fleet(serverKey).Get(serverId);

    /// <summary>Records a state read from the cloud (single GET).</summary>
    public void Put(string serverKey, Server server) => Fleet(serverKey).Put(server);

    /// <summary>Forgets a cloud server (deleted).</summary>
    public void Remove(string serverKey, string serverId)
    {
        Fleet(serverKey).Remove(serverId);
        _inTransition.TryRemove(serverId, out _);
    }

    /// <summary>How many fleet lists ran for <paramref name="serverKey"/>.</summary>
    public int Polls(string serverKey) => Fleet(serverKey).Polls;

    /// <summary>Whether the cloud server is known to be moving (read it directly, not from the snapshot).</summary>
    public bool IsInTransition(string serverId) => _inTransition.ContainsKey(serverId);

    /// <summary>Marks or clears the transition flag of a cloud server.</summary>
    public void SetInTransition(string serverId, bool moving)
    {
        if (moving)
        {
            _inTransition[serverId] = 0;
        }
        else
        {
            _inTransition.TryRemove(serverId, out _);
        }
    }

    private ServerFleet Fleet(string serverKey) => _fleets.GetOrAdd(serverKey, static _ => new ServerFleet());
}
