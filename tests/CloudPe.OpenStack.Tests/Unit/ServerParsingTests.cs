using System.Text.Json;
using CloudPe.OpenStack.Compute;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class ServerParsingTests
{
    // Shape recorded from the Zed lab (boot from volume, IPv4 + SLAAC IPv6, microversion 2.67).
    private const string LabServer = """
        {"server": {"id": "dc02547d-f9f4-4827-a701-6aa3998e76f4", "name": "smoke-1", "status": "ACTIVE",
          "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": "active", "OS-EXT-STS:power_state": 1,
          "addresses": {"oslab-net": [
            {"version": 6, "addr": "fd00:20::f816:3eff:fe4e:88f9", "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4e:88:f9"},
            {"version": 4, "addr": "10.20.0.112", "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4e:88:f9"}]},
          "image": "", "flavor": {"vcpus": 1, "ram": 512, "disk": 1, "ephemeral": 0, "swap": 0, "original_name": "m1.tiny", "extra_specs": {}},
          "os-extended-volumes:volumes_attached": [{"id": "5e368f3d-b232-4b89-a9e4-8f27a3d2d006", "delete_on_termination": true}],
          "metadata": {"cloudpe_uid": "u-1"}, "tags": ["cloudpe"], "created": "2026-03-01T12:00:00Z", "updated": "2026-03-01T12:00:13Z"}}
        """;

    [Fact]
    public void Lab_server_maps_to_the_model()
    {
        var wire = JsonSerializer.Deserialize(LabServer, OpenStackJsonContext.Default.ServerEnvelopeWire)!.Server!;

        var server = ServerMapper.Map(wire);

        Assert.Equal("ACTIVE", server.Status);
        Assert.Null(server.TaskState);
        Assert.Equal(1, server.PowerState);
        Assert.Null(server.ImageId);
        Assert.Equal(["10.20.0.112", "fd00:20::f816:3eff:fe4e:88f9"], server.Addresses["oslab-net"].Select(a => a.Address).Order());
        Assert.Equal(6, server.Addresses["oslab-net"][0].Version);
        Assert.Equal("fa:16:3e:4e:88:f9", server.Addresses["oslab-net"][0].MacAddress);
        Assert.Equal("fixed", server.Addresses["oslab-net"][0].Type);
        Assert.Equal("m1.tiny", server.Flavor!.OriginalName);
        Assert.Equal(512, server.Flavor.RamMb);
        Assert.Equal(["5e368f3d-b232-4b89-a9e4-8f27a3d2d006"], server.AttachedVolumeIds);
        Assert.Equal("u-1", server.Metadata["cloudpe_uid"]);
        Assert.Equal(["cloudpe"], server.Tags);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 13, TimeSpan.Zero), server.Updated);
    }

    [Fact]
    public void Image_backed_server_and_fault_are_read()
    {
        const string json = """
            {"server": {"id": "x", "status": "ERROR", "OS-EXT-STS:task_state": "", "image": {"id": "img-1", "links": []},
              "flavor": {"id": "f-1", "links": []}, "fault": {"code": 500, "message": "No valid host was found.", "created": "2026-03-01T12:00:00Z"}}}
            """;

        var server = ServerMapper.Map(JsonSerializer.Deserialize(json, OpenStackJsonContext.Default.ServerEnvelopeWire)!.Server!);

        Assert.Equal("img-1", server.ImageId);
        Assert.Equal("f-1", server.Flavor!.Id);
        Assert.Null(server.TaskState);
        Assert.Equal(new ServerFault(500, "No valid host was found."), server.Fault);
    }
}
