using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Operator.Fleet;

/// <summary>
/// The last known state of every cloud server of one CloudPeServer: filled by a paged
/// <c>GET /servers/detail</c> (with <c>changes-since</c> after the first) at most once per resync interval, and
/// by single-server reads of VMs in transition.
/// </summary>
internal sealed class ServerFleet
{
    // Each server packed (ServerCodec) or as its record, with the update time the lists compare.
    private readonly Dictionary<string, Stored> _servers = new(StringComparer.Ordinal);
    private readonly bool _pack;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _poll = new(1, 1);
    private DateTimeOffset? _lastPoll;
    private DateTimeOffset? _listedSince;

    public ServerFleet(bool pack) => _pack = pack;

    public int Polls { get; private set; }

    public Server? Get(string id)
    {
        Stored? stored;
        lock (_gate)
        {
            stored = _servers.TryGetValue(id, out var found) ? found : null;
        }

        return stored?.Read();
    }

    public void Put(Server server)
    {
        var stored = Stored.Of(server, _pack);
        lock (_gate)
        {
            _servers[server.Id] = stored;
        }
    }

    public void Remove(string id)
    {
        lock (_gate)
        {
            _servers.Remove(id);
        }
    }

    /// <summary>Lists the fleet unless another reconcile did so within <paramref name="maxAge"/>.</summary>
    /// <param name="waitForRunning">
    /// Whether to wait for a list another reconcile is running. A VM in transition does not: the snapshot is at most
    /// one interval old, and waiting would hold a reconcile worker that a create could use.
    /// </param>
    public async Task EnsureFreshAsync(OpenStackConnection connection, FleetSettings settings, DateTimeOffset now, TimeSpan maxAge, bool waitForRunning, CancellationToken cancellationToken)
    {
        // A resync (or a transition poll) wakes many VMs at once: the first one lists, the others wait here and read.
        var due = maxAge - (maxAge / 10);
        if (_lastPoll is { } seen && now - seen < due)
        {
            return;
        }

        if (!waitForRunning && _lastPoll is not null)
        {
            if (!await _poll.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
        else
        {
            await _poll.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (_lastPoll is { } again && now - again < due)
            {
                return;
            }

            // The next list starts where this one started (less the skew), not at the newest `updated` seen: that
            // mark never moves while nothing changes, so every resync would list the same recent servers again.
            var query = new ServerListQuery { Limit = settings.PageSize, ChangesSince = _listedSince - settings.ChangesSinceSkew };
            var listed = new List<(string Id, Stored? Server)>();
            await foreach (var server in connection.Compute.ListServersDetailAsync(query, cancellationToken).ConfigureAwait(false))
            {
                var deleted = string.Equals(server.Status, "DELETED", StringComparison.OrdinalIgnoreCase);
                listed.Add((server.Id, deleted ? null : Stored.Of(server, _pack)));
            }

            lock (_gate)
            {
                foreach (var (id, server) in listed)
                {
                    if (server is not { } stored)
                    {
                        _servers.Remove(id);
                    }
                    else if (!_servers.TryGetValue(id, out var known) || !(known.Updated > stored.Updated))
                    {
                        // A single GET that answered while this list was paging may be newer: keep it.
                        _servers[id] = stored;
                    }
                }
            }

            _listedSince = now;
            _lastPoll = now;
            Polls++;
        }
        finally
        {
            _poll.Release();
        }
    }

    // Exactly one of Plain and Packed is set.
    private readonly record struct Stored(Server? Plain, byte[]? Packed, DateTimeOffset? Updated)
    {
        public static Stored Of(Server server, bool pack) =>
            pack ? new(null, ServerCodec.Encode(server), server.Updated) : new(server, null, server.Updated);

        public Server Read() => Plain ?? ServerCodec.Decode(Packed!);
    }
}
