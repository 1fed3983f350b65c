using Xunit;
using CloudPe.OpenStack.Compute;
using CloudPe.Operator.Fleet;

namespace CloudPe.Operator.Tests.Vm;

public sealed class FleetSnapshotMemoryTests
{
    private const string ServerKey = "ns/cloud-0";

    [Fact]
    public void A_snapshot_server_reads_back_with_every_field_the_cloud_sent()
    {
        var snapshots = new FleetSnapshots(new FleetSettings());
        var sent = Server("vm-1", "10.0.0.5");

        snapshots.Put(ServerKey, sent);
        var read = snapshots.Get(ServerKey, "vm-1")!;

        Assert.Equal(
            (sent.Id, sent.Name, sent.Status, sent.TaskState, sent.VmState, sent.PowerState, sent.Flavor, sent.ImageId, sent.Fault, sent.Created, sent.Updated),
            (read.Id, read.Name, read.Status, read.TaskState, read.VmState, read.PowerState, read.Flavor, read.ImageId, read.Fault, read.Created, read.Updated));
        Assert.Equal(sent.AttachedVolumeIds, read.AttachedVolumeIds);
        Assert.Equal(sent.Tags, read.Tags);
        Assert.Equal(sent.Metadata.OrderBy(p => p.Key), read.Metadata.OrderBy(p => p.Key));
        Assert.Equal(["private-v6"], read.Addresses.Keys);
        Assert.Equal(sent.Addresses["private-v6"], read.Addresses["private-v6"]);
    }

    [Fact]
    public void Every_read_of_a_snapshot_server_is_its_own_copy_of_the_newest_state()
    {
        var snapshots = new FleetSnapshots(new FleetSettings());
        snapshots.Put(ServerKey, Server("vm-1", "10.0.0.5"));
        snapshots.Put(ServerKey, Server("vm-1", "10.0.0.7") with { Status = "SHUTOFF" });

        var one = snapshots.Get(ServerKey, "vm-1")!;
        var two = snapshots.Get(ServerKey, "vm-1")!;

        Assert.NotSame(one, two);
        Assert.Equal(("SHUTOFF", "10.0.0.7"), (two.Status, two.Addresses["private-v6"].Single().Address));
        Assert.Null(snapshots.Get(ServerKey, "vm-2"));
    }

    [Fact]
    public void Without_packing_the_snapshot_keeps_the_record_it_was_given()
    {
        var snapshots = new FleetSnapshots(new FleetSettings { PackServers = false });
        var sent = Server("vm-1", "10.0.0.5");

        snapshots.Put(ServerKey, sent);

        Assert.Same(sent, snapshots.Get(ServerKey, "vm-1"));
    }

    [Fact]
    public void Snapshot_metadata_answers_lookups_like_the_dictionary_the_cloud_sent()
    {
        var snapshots = new FleetSnapshots(new FleetSettings());
        snapshots.Put(ServerKey, Server("vm-1", "10.0.0.5"));
        var read = snapshots.Get(ServerKey, "vm-1")!;

        Assert.Equal(2, read.Metadata.Count);
        Assert.True(read.Metadata.TryGetValue("cloudpe_uid", out var uid));
        Assert.Equal("uid-vm-1", uid);
        Assert.False(read.Metadata.ContainsKey("cloudpe_name"));
        Assert.False(read.Addresses.TryGetValue("public", out _));
        var error = Assert.Throws<KeyNotFoundException>(() => read.Metadata["cloudpe_name"]);
        Assert.Contains("'cloudpe_name'", error.Message, StringComparison.Ordinal);
    }

    // Every string is a fresh instance, as a JSON decoder produces them.
    private static Server Server(string id, string ip) => new()
    {
        Id = id,
        Name = Fresh($"name-{id}"),
        Status = Fresh("ACTIVE"),
        TaskState = null,
        VmState = Fresh("active"),
        PowerState = 1,
        Flavor = new ServerFlavor(null, Fresh("c1.small"), 1, 2048, 20),
        ImageId = Fresh("196fa674-b33a-4594-9cf7-993699d6944a"),
        AttachedVolumeIds = [Fresh($"vol-{id}")],
        Tags = [Fresh("cloudpe")],
        Created = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Updated = DateTimeOffset.Parse("2026-01-01T00:01:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Addresses = new Dictionary<string, IReadOnlyList<ServerAddress>>
        {
            [Fresh("private-v6")] = [new ServerAddress(ip, 4, Fresh("fixed"), Fresh($"fa:16:3e:00:00:{id.Length:x2}"))],
        },
        Metadata = new Dictionary<string, string>
        {
            [Fresh("cloudpe_image")] = Fresh("debian"),
            [Fresh("cloudpe_uid")] = Fresh($"uid-{id}"),
        },
    };

    private static string Fresh(string value) => new(value.AsSpan());
}
