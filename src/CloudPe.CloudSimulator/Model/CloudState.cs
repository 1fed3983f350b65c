using System.Security.Cryptography;
using System.Text;
using CloudPe.CloudSimulator.Http;

namespace CloudPe.CloudSimulator.Model;

/// <summary>
/// The whole in-memory project. Every read and write happens under <see cref="Sync"/>, and every
/// entry point calls <see cref="Settle"/> first so due transitions are applied from the clock
/// (no timers: a fake clock drives everything).
/// </summary>
internal sealed class CloudState
{
    public CloudState(SimulatorOptions options)
    {
        Options = options;
        Ids = new IdSource(options.Seed);
        Latencies = options.Latencies.Clone();
        ProjectId = Ids.Hex32();
        UserId = Ids.Hex32();
        HostId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ProjectId + "compute-1")))[..56];
        if (options.SeedInventory)
        {
            SeedData.Populate(this);
        }
    }

    public object Sync { get; } = new();
    public SimulatorOptions Options { get; }
    public IdSource Ids { get; }
    public SimulatorLatencies Latencies { get; set; }
    public string ProjectId { get; }
    public string ProjectName => "demo";
    public string UserId { get; }

    /// <summary>Nova's per-project host hash (one simulated compute host).</summary>
    public string HostId { get; }

    /// <summary>The writer large answers are serialised with; used under <see cref="Sync"/> only.</summary>
    public ReusableJsonWriter Json { get; } = new();

    /// <summary>"http://127.0.0.1:PORT" once the server listens.</summary>
    public string Origin { get; set; } = "http://127.0.0.1";

    public string PublicRoot => Origin + Options.ProjectPath.TrimEnd('/');
    public string InternalRoot => PublicRoot + "/internal";

    public Dictionary<string, string> Credentials { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TokenRecord> Tokens { get; } = new(StringComparer.Ordinal);
    public List<FlavorRecord> Flavors { get; } = [];
    public List<ImageRecord> Images { get; } = [];
    public List<VolumeTypeRecord> VolumeTypes { get; } = [];
    public List<NetworkRecord> Networks { get; } = [];
    public List<SubnetRecord> Subnets { get; } = [];
    public List<SecurityGroupRecord> SecurityGroups { get; } = [];
    public Dictionary<string, ServerRecord> Servers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PortRecord> Ports { get; } = new(StringComparer.Ordinal);

    /// <summary>Every fixed IP of every port, kept with <see cref="Ports"/> so an allocation costs no scan.</summary>
    public HashSet<string> AddressesInUse { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, VolumeRecord> Volumes { get; } = new(StringComparer.Ordinal);
    public Queue<string> FailingBuilds { get; } = new();

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public SimulatorCredential AddCredential()
    {
        var credential = new SimulatorCredential(Ids.Hex32(), Ids.Password(43));
        Credentials[credential.Id] = credential.Secret;
        return credential;
    }

    /// <summary>Applies every transition whose time has come, oldest first (one scan per round, not per transition).</summary>
    public void Settle()
    {
        var now = Now;
        while (true)
        {
            var due = new List<(PendingTransition Pending, object Owner)>();
            foreach (var server in Servers.Values)
            {
                if (server.Pending is { } p && p.DueAt <= now)
                {
                    due.Add((p, server));
                }
            }

            foreach (var volume in Volumes.Values)
            {
                if (volume.Pending is { } p && p.DueAt <= now)
                {
                    due.Add((p, volume));
                }
            }

            if (due.Count == 0)
            {
                return;
            }

            foreach (var (pending, owner) in due.OrderBy(d => d.Pending.DueAt))
            {
                // An earlier completion in this round may have replaced this transition or removed its owner.
                switch (owner)
                {
                    case ServerRecord s when s.Pending == pending:
                        s.Pending = null;
                        break;
                    case VolumeRecord v when v.Pending == pending && Volumes.ContainsKey(v.Id):
                        v.Pending = null;
                        break;
                    default:
                        continue;
                }

                pending.Complete(pending.DueAt);
            }
        }
    }

    /// <summary>Finishes a server deletion: the server turns DELETED, its own port and boot volume go away.</summary>
    public void FinishServerDeletion(ServerRecord server, DateTimeOffset at)
    {
        server.Move(VmStates.Deleted, null, PowerStates.NoState, at);
        server.DeletedAt = at;
        foreach (var port in Ports.Values.Where(p => p.DeviceId == server.Id).ToList())
        {
            if (port.CreatedByCompute)
            {
                RemovePort(port);
            }
            else
            {
                port.DeviceId = "";
                port.DeviceOwner = "";
                port.Touch(at);
            }
        }

        foreach (var volumeId in server.VolumeIds)
        {
            if (!Volumes.TryGetValue(volumeId, out var volume))
            {
                continue;
            }

            volume.Attachments.RemoveAll(a => a.ServerId == server.Id);
            volume.Updated = at;
            if (server.DeleteOnTermination.Contains(volumeId))
            {
                Volumes.Remove(volumeId);
            }
            else if (volume.Attachments.Count == 0)
            {
                volume.Status = "available";
            }
        }
    }

    public void RemovePort(PortRecord port)
    {
        Ports.Remove(port.Id);
        Release(port);
    }

    /// <summary>Frees a port's addresses (deleted, or its allocation failed half-way).</summary>
    private void Release(PortRecord port)
    {
        foreach (var ip in port.FixedIps)
        {
            AddressesInUse.Remove(ip.IpAddress);
        }
    }

    public FlavorRecord? FindFlavor(string idOrName) =>
        Flavors.FirstOrDefault(f => f.Id == idOrName) ?? Flavors.FirstOrDefault(f => f.Name == idOrName);

    public VolumeTypeRecord? FindVolumeType(string idOrName) =>
        VolumeTypes.FirstOrDefault(t => t.Id == idOrName) ?? VolumeTypes.FirstOrDefault(t => t.Name == idOrName);

    public SecurityGroupRecord? FindSecurityGroup(string idOrName) =>
        SecurityGroups.FirstOrDefault(g => g.Id == idOrName) ?? SecurityGroups.FirstOrDefault(g => g.Name == idOrName);

    /// <summary>Creates a port's fixed IPs the way Neutron's IPAM does; null with a reason when impossible.</summary>
    public string? AllocateFixedIps(PortRecord port, NetworkRecord network, IReadOnlyList<(string? SubnetId, string? IpAddress)>? requested)
    {
        var subnets = Subnets.Where(s => s.NetworkId == network.Id).ToList();
        var inUse = AddressesInUse;
        var stateful = new List<(SubnetRecord Subnet, string? Address)>();
        if (requested is null)
        {
            stateful.AddRange(subnets.Where(s => s.IpVersion == 4).Take(1).Select(s => (s, (string?)null)));
        }
        else
        {
            foreach (var (subnetId, address) in requested)
            {
                var subnet = subnetId is not null
                    ? subnets.FirstOrDefault(s => s.Id == subnetId)
                    : subnets.FirstOrDefault(s => address is not null && s.Contains(address));
                if (subnet is null)
                {
                    return subnetId is not null
                        ? $"Invalid input for operation: Failed to create port on network {network.Id}, because fixed_ips included invalid subnet {subnetId}."
                        : $"Invalid input for operation: IP address {address} is not a valid IP for any of the subnets on the specified network.";
                }

                if (address is not null && (!subnet.Contains(address) || inUse.Contains(address)))
                {
                    return $"IP address {address} already allocated in subnet {subnet.Id}";
                }

                if (subnet.IpVersion == 4 || address is not null)
                {
                    stateful.Add((subnet, address));
                }
            }
        }

        foreach (var (subnet, address) in stateful)
        {
            var ip = address ?? subnet.AllocateIpv4(inUse);
            if (ip is null)
            {
                Release(port);
                return $"No more IP addresses available on network {network.Id}.";
            }

            inUse.Add(ip);
            port.FixedIps.Add(new FixedIp(subnet.Id, ip, subnet.IpVersion));
        }

        // Neutron always adds an address from every SLAAC subnet, even when fixed_ips named only IPv4.
        foreach (var subnet in subnets.Where(s => s.IpVersion == 6 && port.FixedIps.All(f => f.SubnetId != s.Id)))
        {
            var slaac = subnet.Eui64(port.MacAddress);
            inUse.Add(slaac);
            port.FixedIps.Add(new FixedIp(subnet.Id, slaac, 6));
        }

        return null;
    }
}
