using CloudPe.OpenStack.Compute;

namespace CloudPe.OpenStack.Tests.Contract;

public sealed class ComputeContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flavors_are_listed_with_sizes()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var flavors = await connection.Compute.ListFlavorsAsync(Ct);

        Assert.NotEmpty(flavors);
        Assert.All(flavors, f => Assert.True(f.Vcpus > 0 && f.RamMb > 0 && !string.IsNullOrEmpty(f.Name), f.ToString()));
    }

    [Fact]
    public async Task Boot_from_volume_create_returns_id_and_password_and_the_server_reads_back()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);

        var created = await connection.Compute.CreateServerAsync(inventory.Server("vm-create", tags: ["cloudpe", "tenant-7"]), Ct);
        var server = await ServerWaiter.SettledAsync(connection, created.Id, "ACTIVE");

        Assert.False(string.IsNullOrEmpty(created.AdminPass));
        Assert.DoesNotContain(created.AdminPass!, created.ToString(), StringComparison.Ordinal);
        Assert.Equal("vm-create", server.Name);
        Assert.Equal(1, server.PowerState);
        Assert.Null(server.ImageId);
        Assert.Equal(new[] { "cloudpe", "tenant-7", inventory.RunTag }.Order(), server.Tags.Order());
        Assert.Equal("vm-create", server.Metadata["cloudpe_uid"]);
        Assert.Single(server.AttachedVolumeIds);
        var addresses = Assert.Single(server.Addresses).Value;
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(a.Version is 4 or 6 && a.MacAddress is not null && a.Type == "fixed", a.ToString()));
        Assert.NotNull(server.Flavor);
        Assert.NotNull(server.Created);
    }

    [Fact]
    public async Task Unknown_server_reads_as_null()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        Assert.Null(await connection.Compute.GetServerAsync("00000000-0000-0000-0000-000000000000", Ct));
    }

    [Fact]
    public async Task Server_list_follows_marker_paging_and_filters_by_tag_and_changes_since()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var pagingTag = $"paging-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await connection.Compute.CreateServerAsync(inventory.Server($"vm-page-{i}", tags: [pagingTag]), Ct)).Id);
        }

        await connection.Compute.CreateServerAsync(inventory.Server("vm-other", tags: ["something-else"]), Ct);

        var pages = cloud.Simulator is null ? 0 : cloud.Count("compute GET /servers/detail");
        var listed = await connection.Compute.ListServersDetailAsync(new ServerListQuery { Tags = [pagingTag], Limit = 2, ChangesSince = before }, Ct).ToListAsync(Ct);

        Assert.Equal(ids.Order(), listed.Select(s => s.Id).Order());
        if (cloud.Simulator is not null)
        {
            Assert.True(cloud.Count("compute GET /servers/detail") - pages >= 3, "five servers at two a page need three requests");
        }

        var future = await connection.Compute.ListServersDetailAsync(new ServerListQuery { ChangesSince = DateTimeOffset.UtcNow.AddHours(1) }, Ct).ToListAsync(Ct);
        Assert.Empty(future);
    }

    [Fact]
    public async Task Stop_and_start_change_the_power_state()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        await connection.Compute.StopAsync(id, Ct);
        var stopped = await ServerWaiter.SettledAsync(connection, id, "SHUTOFF");
        await connection.Compute.StartAsync(id, Ct);
        var started = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        Assert.Equal(4, stopped.PowerState);
        Assert.Equal(1, started.PowerState);
    }

    [Fact]
    public async Task Soft_and_hard_reboot_return_to_active()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        await connection.Compute.RebootAsync(id, hard: false, Ct);
        await ServerWaiter.SettledAsync(connection, id, "ACTIVE");
        await connection.Compute.RebootAsync(id, hard: true, Ct);
        var server = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        Assert.Equal(1, server.PowerState);
    }

    [Fact]
    public async Task Suspend_and_resume()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        await connection.Compute.SuspendAsync(id, Ct);
        var suspended = await ServerWaiter.SettledAsync(connection, id, "SUSPENDED");
        await connection.Compute.ResumeAsync(id, Ct);
        var resumed = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        // The status, not power_state: Nova's fake driver reports 1 (running) for a suspended server, libvirt likely 4.
        Assert.Equal("SUSPENDED", suspended.Status);
        Assert.Equal(1, resumed.PowerState);
    }

    [Fact]
    public async Task Resize_then_confirm_moves_to_the_new_flavor()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        var id = await ActiveServerAsync(connection, inventory);
        var larger = (await connection.Compute.ListFlavorsAsync(Ct)).Single(f => f.Id == inventory.LargerFlavorId);

        await connection.Compute.ResizeAsync(id, inventory.LargerFlavorId, Ct);
        await ServerWaiter.SettledAsync(connection, id, "VERIFY_RESIZE");
        await connection.Compute.ConfirmResizeAsync(id, Ct);
        var server = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        Assert.True(server.Flavor!.Id == larger.Id || server.Flavor.OriginalName == larger.Name, server.Flavor.ToString());
    }

    [Fact]
    public async Task Resize_then_revert_keeps_the_old_flavor()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        var id = await ActiveServerAsync(connection, inventory);
        var original = (await connection.Compute.GetServerAsync(id, Ct))!.Flavor;

        await connection.Compute.ResizeAsync(id, inventory.LargerFlavorId, Ct);
        await ServerWaiter.SettledAsync(connection, id, "VERIFY_RESIZE");
        await connection.Compute.RevertResizeAsync(id, Ct);
        var server = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        Assert.Equal(original, server.Flavor);
    }

    [Fact]
    public async Task Change_password_is_accepted()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        await connection.Compute.ChangePasswordAsync(id, "An0ther-Pa55word!", Ct);
        var server = await ServerWaiter.SettledAsync(connection, id, "ACTIVE");

        Assert.Null(server.Fault);
    }

    [Fact]
    public async Task Action_in_the_wrong_state_is_a_conflict_with_nova_envelope()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        var error = await Assert.ThrowsAsync<OpenStackConflictException>(() => connection.Compute.StartAsync(id, Ct));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("conflictingRequest", error.ErrorCode);
        Assert.Equal($"/servers/{id}/action", error.Path);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.False(string.IsNullOrEmpty(error.ServerMessage));
    }

    [Fact]
    public async Task Console_is_a_novnc_url_from_remote_consoles()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        var console = await connection.Compute.GetConsoleAsync(id, Ct);

        Assert.Equal("vnc", console.Protocol);
        Assert.Equal("novnc", console.Type);
        Assert.Contains("token", console.Url.Query, StringComparison.Ordinal);
        if (cloud.Simulator is not null)
        {
            Assert.Equal(1, cloud.Count("compute POST /servers/{id}/remote-consoles"));
        }
    }

    [Fact]
    public async Task Console_falls_back_to_os_getVNCConsole_at_an_older_microversion()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects a 404 on remote-consoles");
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);
        cloud.Admin.AddFault(new CloudSimulator.FaultRule { Route = "compute POST /servers/{id}/remote-consoles", Status = 404, Times = 1 });

        var console = await connection.Compute.GetConsoleAsync(id, Ct);

        Assert.Equal("novnc", console.Type);
        Assert.Equal(1, cloud.Count("compute POST /servers/{id}/action:os-getVNCConsole"));
    }

    [Fact]
    public async Task Console_of_a_stopped_server_does_not_fall_back_to_os_getVNCConsole()
    {
        await using var cloud = await CloudTarget.StartAsync();
        var logs = new CapturedLogs();
        using var connection = cloud.Connect(loggers: logs);
        var id = await ActiveServerAsync(connection);
        await connection.Compute.StopAsync(id, Ct);
        await ServerWaiter.SettledAsync(connection, id, "SHUTOFF");

        // Clouds differ here (the simulator and libvirt refuse with 409, Nova's fake driver answers 200);
        // either way a refusal of remote-consoles must not send the client to the legacy action.
        try
        {
            await connection.Compute.GetConsoleAsync(id, Ct);
        }
        catch (OpenStackConflictException)
        {
        }

        Assert.Contains(logs.Lines, l => l.Contains("/servers/{id}/remote-consoles", StringComparison.Ordinal));
        Assert.DoesNotContain("os-getVNCConsole", logs.All, StringComparison.Ordinal);
        if (cloud.Simulator is not null)
        {
            Assert.Equal(0, cloud.Count("compute POST /servers/{id}/action:os-getVNCConsole"));
        }
    }

    [Fact]
    public async Task Delete_removes_the_server_and_a_second_delete_reports_it_gone()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var id = await ActiveServerAsync(connection);

        Assert.True(await connection.Compute.DeleteServerAsync(id, Ct));
        await ServerWaiter.GoneAsync(connection, id);

        Assert.Null(await connection.Compute.GetServerAsync(id, Ct));
        Assert.False(await connection.Compute.DeleteServerAsync(id, Ct));
        if (cloud.Simulator is { } sim)
        {
            Assert.DoesNotContain(sim.Admin.Snapshot().Servers, s => s.Id == id);
        }
    }

    internal static async Task<string> ActiveServerAsync(OpenStackConnection connection, Inventory? inventory = null)
    {
        inventory ??= await Inventory.DiscoverAsync(connection);
        var created = await connection.Compute.CreateServerAsync(inventory.Server($"vm-{Guid.NewGuid():N}"[..12]), Ct);
        await ServerWaiter.SettledAsync(connection, created.Id, "ACTIVE");
        return created.Id;
    }
}
