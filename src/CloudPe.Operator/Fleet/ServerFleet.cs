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
    private readonly Dictionary<string, Server> _servers = new(StringComparer.Ordinal);
    private readonly ServerCompactor _compactor;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _poll = new(1, 1);
    private DateTimeOffset? _lastPoll;
    private DateTimeOffset? _listedSince;

    public ServerFleet(ServerCompactor compactor) => _compactor = compactor;

    public int Polls { get; private set; }

    public Server? Get(string id)
    {
        lock (_gate)
        {
            return _servers.GetValueOrDefault(id);
        }
    }

    public void Put(Server server)
    {
        server = _compactor.Compact(server);
        lock (_gate)
        {
            StoreLocked(server);
        }
    }

    // Replacing the entry (not only its value) keeps one ID string per server: the key is the record's own Id.
    private void StoreLocked(Server server)
    {
        _servers.Remove(server.Id);
        _servers[server.Id] = server;
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
            var listed = new List<Server>();
            await foreach (var server in connection.Compute.ListServersDetailAsync(query, cancellationToken).ConfigureAwait(false))
            {
                listed.Add(_compactor.Compact(server));
            }

            lock (_gate)
            {
                foreach (var server in listed)
                {
                    if (string.Equals(server.Status, "DELETED", StringComparison.OrdinalIgnoreCase))
                    {
                        _servers.Remove(server.Id);
                    }
                    else if (!_servers.TryGetValue(server.Id, out var known) || !(known.Updated > server.Updated))
                    {
                        // A single GET that answered while this list was paging may be newer: keep it.
                        StoreLocked(server);
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
}
