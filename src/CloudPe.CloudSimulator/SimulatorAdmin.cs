using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator;

/// <summary>In-process twin of the <c>/_sim/</c> admin API: faults, counters, tokens, latencies, failures and state.</summary>
public sealed class SimulatorAdmin
{
    private readonly CloudState _state;
    private readonly RequestCounters _counters;
    private readonly FaultInjector _faults;

    internal SimulatorAdmin(CloudState state, RequestCounters counters, FaultInjector faults)
    {
        _state = state;
        _counters = counters;
        _faults = faults;
    }

    /// <summary>Request counts per route key and in total.</summary>
    public SimulatorCounters Counters => _counters.Snapshot();

    /// <summary>A copy of the latencies in force.</summary>
    public SimulatorLatencies Latencies
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Latencies.Clone();
            }
        }
    }

    /// <summary>Adds a fault rule and returns its ID.</summary>
    public string AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Times is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Times must be positive or null (forever).");
        }

        if (rule.Probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Probability must be between 0 and 1.");
        }

        if (rule.Status is { } status && (status < 100 || status > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Status must be an HTTP status code.");
        }

        return _faults.Add(rule);
    }

    /// <summary>Removes one fault rule; false when it was already gone (used up or cleared).</summary>
    public bool RemoveFault(string id) => _faults.Remove(id);

    /// <summary>Removes every fault rule.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Fault rules still active, with how many hits they have left (null = unlimited).</summary>
    public IReadOnlyList<(string Id, FaultRule Rule, int? Remaining)> Faults => _faults.List();

    /// <summary>Sets every counter back to zero.</summary>
    public void ResetCounters() => _counters.Reset();

    /// <summary>Every issued token becomes invalid (the next call answers 401).</summary>
    public void RevokeAllTokens()
    {
        lock (_state.Sync)
        {
            _state.Tokens.Clear();
        }
    }

    /// <summary>Replaces the latencies for operations started from now on.</summary>
    public void SetLatencies(SimulatorLatencies latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        lock (_state.Sync)
        {
            _state.Latencies = latencies.Clone();
        }
    }

    /// <summary>The next <paramref name="count"/> server builds end in ERROR with this fault message.</summary>
    public void FailNextBuilds(int count, string faultMessage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_state.Sync)
        {
            for (var i = 0; i < count; i++)
            {
                _state.FailingBuilds.Enqueue(faultMessage);
            }
        }
    }

    /// <summary>Puts a live server into ERROR with a fault now, cancelling whatever it was doing.</summary>
    /// <exception cref="KeyNotFoundException">No live server has that ID.</exception>
    public void ForceServerError(string serverId, string faultMessage)
    {
        lock (_state.Sync)
        {
            _state.Settle();
            if (!_state.Servers.TryGetValue(serverId, out var server) || server.IsDeleted)
            {
                throw new KeyNotFoundException($"Server {serverId} does not exist.");
            }

            var now = _state.Now;
            server.Pending = null;
            server.Move(VmStates.Error, null, server.PowerState, now);
            server.Fault = new ServerFault(500, faultMessage, now);
        }
    }

    /// <summary>Creates another application credential for the same project.</summary>
    public SimulatorCredential CreateApplicationCredential()
    {
        lock (_state.Sync)
        {
            return _state.AddCredential();
        }
    }

    /// <summary>Live servers, ports and volumes, after applying every due transition.</summary>
    public SimulatorSnapshot Snapshot()
    {
        lock (_state.Sync)
        {
            _state.Settle();
            var servers = _state.Servers.Values.Where(s => !s.IsDeleted).OrderBy(s => s.Created).Select(s => new ServerSnapshot(
                s.Id, s.Name, s.Status, s.TaskState, s.PowerState, s.Tags.ToList(),
                new Dictionary<string, string>(s.Metadata, StringComparer.Ordinal), s.Flavor.Id, s.VolumeIds.ToList(),
                _state.Ports.Values.Where(p => p.DeviceId == s.Id).OrderBy(p => p.Created).Select(p => p.Id).ToList())).ToList();
            var ports = _state.Ports.Values.OrderBy(p => p.Created).Select(p => new PortSnapshot(
                p.Id, p.NetworkId, p.DeviceId, p.FixedIps.Select(f => new SimulatorFixedIp(f.SubnetId, f.IpAddress, f.IpVersion)).ToList(), p.Tags.ToList())).ToList();
            var volumes = _state.Volumes.Values.OrderBy(v => v.Created).Select(v => new VolumeSnapshot(
                v.Id, v.Status, v.Size, v.Type.Name, v.Attachments.Select(a => a.ServerId).ToList(),
                new Dictionary<string, string>(v.Metadata, StringComparer.Ordinal), v.Bootable)).ToList();
            return new SimulatorSnapshot(servers, ports, volumes);
        }
    }
}
