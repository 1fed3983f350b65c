using System.Net;
using System.Text.Json.Nodes;

namespace CloudPe.CloudSimulator.Tests;

/// <summary>Nova's <c>@check_instance_state</c> rules: vm_state first, then task_state, then "launched".</summary>
public sealed class InstanceStateTests
{
    private static SimulatorLatencies Slow => new() { Build = TimeSpan.FromSeconds(10), Action = TimeSpan.FromSeconds(2) };

    private static JsonObject Password => new() { ["changePassword"] = new JsonObject { ["adminPass"] = "Changed-Pa55word!" } };

    [Fact]
    public async Task Every_action_on_a_building_server_is_a_409_naming_vm_state_building()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();
        var large = await cloud.IdByNameAsync("compute/v2.1/flavors", "flavors", "c1.large");
        var actions = new (string Name, JsonObject Body)[]
        {
            ("changePassword", Password),
            ("start", new JsonObject { ["os-start"] = null }),
            ("stop", new JsonObject { ["os-stop"] = null }),
            ("reboot", new JsonObject { ["reboot"] = new JsonObject { ["type"] = "SOFT" } }),
            ("reboot", new JsonObject { ["reboot"] = new JsonObject { ["type"] = "HARD" } }),
            ("suspend", new JsonObject { ["suspend"] = null }),
            ("resume", new JsonObject { ["resume"] = null }),
            ("resize", new JsonObject { ["resize"] = new JsonObject { ["flavorRef"] = large } }),
            ("confirmResize", new JsonObject { ["confirmResize"] = null }),
            ("revertResize", new JsonObject { ["revertResize"] = null }),
        };

        foreach (var (name, body) in actions)
        {
            var (status, answer) = await cloud.ActionAsync(id, body);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal($"Cannot '{name}' instance {id} while it is in vm_state building", answer!["conflictingRequest"]!["message"]!.GetValue<string>());
        }

        var (metadata, metadataBody) = await cloud.CallAsync(HttpMethod.Post, $"compute/v2.1/servers/{id}/metadata", new JsonObject { ["metadata"] = new JsonObject { ["k"] = "v" } });
        Assert.Equal(HttpStatusCode.Conflict, metadata);
        Assert.Equal($"Cannot 'update metadata' instance {id} while it is in vm_state building", metadataBody!["conflictingRequest"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.CallAsync(HttpMethod.Put, $"compute/v2.1/servers/{id}/tags/late")).Status);

        cloud.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, Password)).Status);
    }

    [Fact]
    public async Task A_hard_reboot_may_interrupt_a_soft_one_but_a_soft_reboot_may_not()
    {
        await using var cloud = await TestCloud.StartAsync(Slow);
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();
        cloud.Clock.Advance(TimeSpan.FromSeconds(10));
        var soft = new JsonObject { ["reboot"] = new JsonObject { ["type"] = "SOFT" } };

        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, soft)).Status);
        var (again, againBody) = await cloud.ActionAsync(id, soft.DeepClone());
        var (hard, _) = await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "HARD" } });
        var (password, passwordBody) = await cloud.ActionAsync(id, Password);

        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal($"Cannot 'reboot' instance {id} while it is in task_state rebooting", againBody!["conflictingRequest"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, hard);
        Assert.Equal("HARD_REBOOT", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
        Assert.Equal($"Cannot 'changePassword' instance {id} while it is in task_state rebooting_hard", passwordBody!["conflictingRequest"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, password);
    }

    [Fact]
    public async Task A_server_whose_build_failed_was_never_launched_so_stop_and_hard_reboot_are_409_but_delete_works()
    {
        await using var cloud = await TestCloud.StartAsync();
        cloud.Host.Admin.FailNextBuilds(1, "No valid host was found.");
        var (_, created) = await cloud.CreateServerAsync();
        var id = created!["server"]!["id"]!.GetValue<string>();
        Assert.Equal("ERROR", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());

        var (stop, stopBody) = await cloud.ActionAsync(id, new JsonObject { ["os-stop"] = null });
        var (hard, _) = await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "HARD" } });

        Assert.Equal(HttpStatusCode.Conflict, stop);
        Assert.Equal($"Instance {id} is in an invalid state for 'stop'", stopBody!["conflictingRequest"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, hard);
        Assert.Equal(HttpStatusCode.NoContent, (await cloud.CallAsync(HttpMethod.Delete, $"compute/v2.1/servers/{id}")).Status);
    }

    [Fact]
    public async Task A_launched_server_in_error_can_be_stopped_and_hard_rebooted()
    {
        await using var cloud = await TestCloud.StartAsync();
        var id = await cloud.CreateActiveServerAsync();
        cloud.Host.Admin.ForceServerError(id, "Hypervisor lost.");

        Assert.Equal(HttpStatusCode.Conflict, (await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "SOFT" } })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await cloud.ActionAsync(id, new JsonObject { ["reboot"] = new JsonObject { ["type"] = "HARD" } })).Status);
        Assert.Equal("ACTIVE", (await cloud.ServerAsync(id))["status"]!.GetValue<string>());
    }
}
