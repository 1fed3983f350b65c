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

    // One read in flight per network: the reconciles of a mass create that all miss at once share it.
    private readonly ConcurrentDictionary<string, (DateTimeOffset Read, Lazy<Task<IReadOnlyList<Subnet>>> Subnets)> _entries = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Subnet>> GetAsync(string serverKey, string networkId, OpenStackConnection cloud, CancellationToken cancellationToken)
    {
        var key = Key(serverKey, networkId);
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            static (_, state) => (state.now, Read(state.cloud, state.networkId)),
            static (_, existing, state) => state.now - existing.Read < Lifetime ? existing : (state.now, Read(state.cloud, state.networkId)),
            (now, cloud, networkId));
        try
        {
            return await entry.Subnets.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed read is not kept: the next caller reads again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    public void Forget(string serverKey, string networkId) => _entries.TryRemove(Key(serverKey, networkId), out _);

    private static Lazy<Task<IReadOnlyList<Subnet>>> Read(OpenStackConnection cloud, string networkId) =>
        new(() => cloud.Networking.ListSubnetsAsync(networkId, cancellationToken: CancellationToken.None));

    private static string Key(string serverKey, string networkId) => $"{serverKey}\n{networkId}";
}
