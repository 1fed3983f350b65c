using CloudPe.Controllers;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Operator.Fleet;

/// <summary>
/// Shrinks a Nova server record before the fleet snapshot keeps it: every field stays (reconciles read the record
/// as the cloud sent it), but the values thousands of servers repeat — status, task state, network names, address
/// type, flavor, image ID, metadata keys and the operator's stamp values — share one instance. Thread-safe.
/// </summary>
internal sealed class ServerCompactor
{
    private const int MaxMetadataKeys = 64;
    private const int MaxFlavors = 1024;
    private readonly StringPool _states = new();
    private readonly StringPool _networks = new();
    private readonly StringPool _addressTypes = new();
    private readonly StringPool _images = new();
    private readonly StringPool _flavorNames = new();
    private readonly StringPool _tags = new();
    private readonly StringPool _metadataKeys = new(MaxMetadataKeys);
    private readonly Dictionary<string, StringPool> _metadataValues = new(StringComparer.Ordinal);
    private readonly Dictionary<ServerFlavor, ServerFlavor> _flavors = [];
    private readonly Lock _gate = new();

    public Server Compact(Server server) =>
        server with
        {
            Status = _states.Get(server.Status)!,
            TaskState = _states.Get(server.TaskState),
            VmState = _states.Get(server.VmState),
            ImageId = _images.Get(server.ImageId),
            Flavor = Flavor(server.Flavor),
            Addresses = server.Addresses.Count == 0 ? server.Addresses : Addresses(server.Addresses),
            Metadata = server.Metadata.Count == 0 ? server.Metadata : Metadata(server.Metadata),
            Tags = server.Tags.Count == 0 ? server.Tags : [.. server.Tags.Select(t => _tags.Get(t)!)],
        };

    private Dictionary<string, IReadOnlyList<ServerAddress>> Addresses(IReadOnlyDictionary<string, IReadOnlyList<ServerAddress>> addresses)
    {
        var copy = new Dictionary<string, IReadOnlyList<ServerAddress>>(addresses.Count, StringComparer.Ordinal);
        foreach (var (network, list) in addresses)
        {
            copy[_networks.Get(network)!] = [.. list.Select(a => a with { Type = _addressTypes.Get(a.Type) })];
        }

        return copy;
    }

    private Dictionary<string, string> Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var copy = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            var pooledKey = _metadataKeys.Get(key)!;
            copy[pooledKey] = ValuesOf(pooledKey)?.Get(value) ?? value;
        }

        return copy;
    }

    // One pool per metadata key: the values of a stamp key (image, network) repeat, those of another (uid) do not.
    private StringPool? ValuesOf(string key)
    {
        lock (_gate)
        {
            if (!_metadataValues.TryGetValue(key, out var pool))
            {
                if (_metadataValues.Count >= MaxMetadataKeys)
                {
                    return null;
                }

                pool = new StringPool();
                _metadataValues[key] = pool;
            }

            return pool;
        }
    }

    private ServerFlavor? Flavor(ServerFlavor? flavor)
    {
        if (flavor is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_flavors.TryGetValue(flavor, out var shared))
            {
                return shared;
            }

            if (_flavors.Count >= MaxFlavors)
            {
                return flavor;
            }

            shared = flavor with { Id = _flavorNames.Get(flavor.Id), OriginalName = _flavorNames.Get(flavor.OriginalName) };
            _flavors[shared] = shared;
            return shared;
        }
    }
}
