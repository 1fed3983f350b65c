using System.Collections.Concurrent;
using CloudPe.OpenStack;
using CloudPe.OpenStack.Networking;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// The subnets of each network a VM port is created on, read once a minute per CloudPeServer and network instead of
/// once per create: a mass create of 1,000 VMs on one network would otherwise list the same subnets 1,000 times.
/// A failed port create drops the entry, so a changed subnet is read again on the retry.
/// </summary>
internal sealed class SubnetCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Read, IReadOnlyList<Subnet> Subnets)> _entries = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Subnet>> GetAsync(string serverKey, string networkId, OpenStackConnection cloud, CancellationToken cancellationToken)
    {
        var key = Key(serverKey, networkId);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.Read < Lifetime)
        {
            return entry.Subnets;
        }

        var subnets = await cloud.Networking.ListSubnetsAsync(networkId, cancellationToken: cancellationToken).ConfigureAwait(false);
        _entries[key] = (now, subnets);
        return subnets;
    }

    public void Forget(string serverKey, string networkId) => _entries.TryRemove(Key(serverKey, networkId), out _);

    private static string Key(string serverKey, string networkId) => $"{serverKey}\n{networkId}";
}
