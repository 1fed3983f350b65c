using CloudPe.OpenStack.Compute;

namespace CloudPe.OpenStack.Tests.Contract;

public sealed class IdentityContractTests
{
    [Fact]
    public async Task Application_credential_authenticates_and_resolves_the_catalog()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var info = await connection.ConnectAsync(TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrEmpty(info.ProjectId));
        Assert.Equal(info.ProjectId, connection.ProjectId);
        Assert.True(info.ExpiresAt > DateTimeOffset.UtcNow);
        var endpoints = connection.ServiceEndpoints!;
        Assert.NotNull(endpoints.Compute);
        Assert.EndsWith("/v2.0", endpoints.Network!.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/v2", endpoints.Image!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotNull(endpoints.BlockStorage);
        Assert.True(connection.ComputeMaxMicroversion >= ComputeClient.CreateMicroversion, $"compute max microversion {connection.ComputeMaxMicroversion}");
        if (cloud.Simulator is { } sim)
        {
            Assert.Equal(sim.ProjectId, info.ProjectId);
            Assert.StartsWith(sim.ProjectPath + "/", endpoints.Compute!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_credentials_give_an_authentication_error_without_the_secret_in_message_or_logs()
    {
        await using var cloud = await CloudTarget.StartAsync();
        const string wrongSecret = "Wrong-Secret-4a7c9e1f";
        var logs = new CapturedLogs();
        using var connection = cloud.Connect(loggers: logs, options: cloud.Options(secret: wrongSecret));

        var error = await Assert.ThrowsAsync<OpenStackAuthenticationException>(() => connection.Identity.GetAuthenticationAsync(TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("identity", error.Service);
        Assert.Equal("POST", error.Method);
        Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(wrongSecret, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(cloud.Secret, logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Successful_calls_log_neither_the_secret_nor_the_token()
    {
        await using var cloud = await CloudTarget.StartAsync();
        var logs = new CapturedLogs();
        using var connection = cloud.Connect(loggers: logs);
        var ct = TestContext.Current.CancellationToken;

        await connection.ConnectAsync(ct);
        var server = await connection.Compute.CreateServerAsync((await Inventory.DiscoverAsync(connection)).Server("logged"), ct);
        // Nova answers 409 to changePassword while the server is building.
        await ServerWaiter.SettledAsync(connection, server.Id, "ACTIVE");
        await connection.Compute.ChangePasswordAsync(server.Id, "Changed-Pa55word!", ct);

        Assert.Contains(logs.Lines, l => l.Contains("Authenticated", StringComparison.Ordinal));
        Assert.DoesNotContain(cloud.Secret, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Contract-Pa55word!", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed-Pa55word!", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(connection.CurrentToken!.Value, logs.All, StringComparison.Ordinal);
    }
}
