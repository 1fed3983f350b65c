using System.Globalization;

namespace CloudPe.OpenStack.Compute;

/// <summary>Turns Nova's wire shape into <see cref="Server"/>.</summary>
internal static class ServerMapper
{
    public static Server Map(ServerWire wire)
    {
        IReadOnlyDictionary<string, IReadOnlyList<ServerAddress>>? addresses = null;
        if (wire.Addresses is { Count: > 0 })
        {
            var map = new Dictionary<string, IReadOnlyList<ServerAddress>>(wire.Addresses.Count, StringComparer.Ordinal);
            foreach (var (network, list) in wire.Addresses)
            {
                var items = new ServerAddress[list?.Count ?? 0];
                for (var i = 0; i < items.Length; i++)
                {
                    var a = list![i];
                    items[i] = new ServerAddress(a.Addr ?? string.Empty, a.Version, a.Type, a.Mac);
                }

                map[network] = items;
            }

            addresses = map;
        }

        var server = new Server
        {
            Id = wire.Id ?? string.Empty,
            Name = wire.Name ?? string.Empty,
            Status = wire.Status ?? string.Empty,
            TaskState = string.IsNullOrEmpty(wire.TaskState) ? null : wire.TaskState,
            VmState = wire.VmState,
            PowerState = wire.PowerState,
            Flavor = wire.Flavor is { } f ? new ServerFlavor(f.Id, f.OriginalName, f.Vcpus, f.Ram, f.Disk) : null,
            ImageId = wire.Image,
            AttachedVolumeIds = wire.VolumesAttached is { Count: > 0 } v ? v.Where(x => x.Id is not null).Select(x => x.Id!).ToArray() : [],
            Tags = wire.Tags is { Count: > 0 } ? wire.Tags : [],
            Fault = wire.Fault is { } fault ? new ServerFault(fault.Code, fault.Message ?? string.Empty) : null,
            Created = ParseTime(wire.Created),
            Updated = ParseTime(wire.Updated),
        };
        if (addresses is not null)
        {
            server = server with { Addresses = addresses };
        }

        if (wire.Metadata is { Count: > 0 })
        {
            server = server with { Metadata = wire.Metadata };
        }

        return server;
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
