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
    private const byte SharedList = 0;
    private const byte OwnRead = 1;

    private readonly ConcurrentDictionary<string, byte> _inTransition = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public FleetSnapshots(FleetSettings settings) => Settings = settings;

    /// <summary>The polling settings.</summary>
    public FleetSettings Settings { get; }

    /// <summary>Lists the servers of <paramref name="serverKey"/> when the last list is a resync interval old.</summary>
    public Task EnsureFreshAsync(string serverKey, OpenStackConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fleet(serverKey).EnsureFreshAsync(connection, Settings, now, Settings.ResyncInterval, waitForRunning: true, cancellationToken);

    /// <summary>
    /// Lists the changes of <paramref name="serverKey"/> when the last list is a transition poll interval old: one
    /// list per interval serves every VM of that CloudPeServer in transition.
    /// </summary>
    public Task EnsureTransitionsFreshAsync(string serverKey, OpenStackConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fleet(serverKey).EnsureFreshAsync(connection, Settings, now, Settings.TransitionPollInterval, waitForRunning: false, cancellationToken);

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

    /// <summary>Whether the cloud server is known to be moving (polled every transition interval until it settles).</summary>
    public bool IsInTransition(string serverId) => _inTransition.ContainsKey(serverId);

    /// <summary>
    /// Whether the next read of the cloud server must be its own GET: an action was just sent to it, and a list that
    /// started before the action would not show it.
    /// </summary>
    public bool NeedsOwnRead(string serverId) => _inTransition.TryGetValue(serverId, out var own) && own == OwnRead;

    /// <summary>
    /// Marks (after an action this operator sent: the next read is its own GET) or clears the transition flag of a
    /// cloud server.
    /// </summary>
    public void SetInTransition(string serverId, bool moving)
    {
        if (moving)
        {
            _inTransition[serverId] = OwnRead;
        }
        else
        {
            _inTransition.TryRemove(serverId, out _);
        }
    }

    /// <summary>Records what a read found: a moving server is then followed by the shared transition list.</summary>
    public void Follow(string serverId, bool moving)
    {
        if (moving)
        {
            _inTransition[serverId] = SharedList;
        }
        else
        {
            _inTransition.TryRemove(serverId, out _);
        }
    }

    private ServerFleet Fleet(string serverKey) => _fleets.GetOrAdd(serverKey, static (_, pack) => new ServerFleet(pack), Settings.PackServers);
}
