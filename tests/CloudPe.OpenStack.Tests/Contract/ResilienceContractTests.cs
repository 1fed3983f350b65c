using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using CloudPe.CloudSimulator;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.OpenStack.Tests.Contract;

public sealed class ResilienceContractTests
{
    private const string TokenRoute = "identity POST /v3/auth/tokens";
    private const string GetServerRoute = "compute GET /servers/{id}";
    private const string CreateServerRoute = "compute POST /servers";
    private const string MissingId = "00000000-0000-0000-0000-000000000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_answered_503_then_200_is_retried()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects a 503 and counts requests");
        using var connection = cloud.Connect();
        var id = await ComputeContractTests.ActiveServerAsync(connection);
        var before = cloud.Count(GetServerRoute);
        cloud.Admin.AddFault(new FaultRule { Route = GetServerRoute, Status = 503, Times = 1 });

        var server = await connection.Compute.GetServerAsync(id, Ct);

        Assert.Equal(id, server!.Id);
        Assert.Equal(2, cloud.Count(GetServerRoute) - before);
    }

    [Fact]
    public async Task Create_answered_503_is_not_retried()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects a 503 on create");
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        cloud.Admin.AddFault(new FaultRule { Route = CreateServerRoute, Status = 503, Times = 1 });

        var error = await Assert.ThrowsAsync<OpenStackServerException>(() => connection.Compute.CreateServerAsync(inventory.Server("vm-503"), Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, cloud.Count(CreateServerRoute));
        Assert.Empty(cloud.Admin.Snapshot().Servers);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_waits_exactly_that_long_on_the_clock()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerRecordingTimeProvider(fake);
        await using var cloud = await CloudTarget.StartWithClockAsync(fake);
        using var connection = cloud.Connect(time: clock);
        await connection.ConnectAsync(Ct);
        cloud.Admin.AddFault(new FaultRule { Route = GetServerRoute, Status = 429, RetryAfterSeconds = 2, Times = 1 });

        var call = connection.Compute.GetServerAsync(MissingId, Ct);
        await PollAsync(() => clock.Armed.Contains(TimeSpan.FromSeconds(2)), "a 2 s back-off timer");
        fake.Advance(TimeSpan.FromMilliseconds(1999));

        Assert.False(call.IsCompleted);
        Assert.Equal(1, cloud.Count(GetServerRoute));

        fake.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await call.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(2, cloud.Count(GetServerRoute));
    }

    [Fact]
    public async Task Token_expiring_mid_run_is_renewed_once_not_per_call()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await CloudTarget.StartWithClockAsync(fake);
        using var connection = cloud.Connect(time: fake);
        var first = await connection.Identity.GetAuthenticationAsync(Ct);
        for (var i = 0; i < 10; i++)
        {
            await connection.Compute.GetServerAsync(MissingId, Ct);
        }

        Assert.Equal(1, cloud.Count(TokenRoute));

        fake.SetUtcNow(first.ExpiresAt + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            await connection.Compute.GetServerAsync(MissingId, Ct);
        }

        Assert.Equal(2, cloud.Count(TokenRoute));
        Assert.True((await connection.Identity.GetAuthenticationAsync(Ct)).ExpiresAt > fake.GetUtcNow());
    }

    [Fact]
    public async Task Token_is_renewed_shortly_before_expires_at_so_no_call_meets_a_401()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await CloudTarget.StartWithClockAsync(fake);
        using var connection = cloud.Connect(time: fake);
        var first = await connection.Identity.GetAuthenticationAsync(Ct);

        fake.SetUtcNow(first.ExpiresAt - TimeSpan.FromSeconds(30));
        await connection.Compute.GetServerAsync(MissingId, Ct);

        Assert.Equal(2, cloud.Count(TokenRoute));
        Assert.Equal(1, cloud.Count(GetServerRoute));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_authentication()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("counts Keystone requests");
        using var connection = cloud.Connect();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => connection.Compute.GetServerAsync(MissingId, Ct)));

        Assert.Equal(1, cloud.Count(TokenRoute));
        Assert.Equal(50, cloud.Count(GetServerRoute));
    }

    [Fact]
    public async Task Revoked_token_is_replaced_once_and_the_call_succeeds()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("revokes tokens");
        using var connection = cloud.Connect();
        var id = await ComputeContractTests.ActiveServerAsync(connection);
        cloud.Admin.RevokeAllTokens();
        var gets = cloud.Count(GetServerRoute);

        var server = await connection.Compute.GetServerAsync(id, Ct);

        Assert.Equal(id, server!.Id);
        Assert.Equal(2, cloud.Count(TokenRoute));
        Assert.Equal(2, cloud.Count(GetServerRoute) - gets);
    }

    [Fact]
    public async Task Second_401_after_reauthentication_surfaces_as_an_authentication_error()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects 401s");
        using var connection = cloud.Connect();
        await connection.ConnectAsync(Ct);
        cloud.Admin.AddFault(new FaultRule { Route = GetServerRoute, Status = 401, Times = 2 });

        var error = await Assert.ThrowsAsync<OpenStackAuthenticationException>(() => connection.Compute.GetServerAsync(MissingId, Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, cloud.Count(TokenRoute));
        Assert.Equal(2, cloud.Count(GetServerRoute));
    }

    [Fact]
    public async Task Dropped_create_response_is_outcome_unknown_and_the_server_can_be_found()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("drops a response");
        using var connection = cloud.Connect();
        var inventory = await Inventory.DiscoverAsync(connection);
        cloud.Admin.AddFault(new FaultRule { Route = CreateServerRoute, DropResponse = true, Times = 1 });

        var error = await Assert.ThrowsAsync<OpenStackOutcomeUnknownException>(() => connection.Compute.CreateServerAsync(inventory.Server("vm-dropped", tags: ["cloudpe-dropped"]), Ct));
        var found = await connection.Compute.ListServersDetailAsync(new Compute.ServerListQuery { Tags = ["cloudpe-dropped"] }, Ct).ToListAsync(Ct);

        Assert.Equal("/servers", error.Path);
        Assert.Null(error.StatusCode);
        Assert.Equal(1, cloud.Count(CreateServerRoute));
        Assert.Equal("vm-dropped", Assert.Single(found).Name);
        Assert.Equal("vm-dropped", Assert.Single(found).Metadata["cloudpe_uid"]);
    }

    [Fact]
    public async Task Slow_answer_times_out_per_request()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects a 5 s latency (and a real Keystone alone may exceed the 300 ms timeout)");
        using var connection = cloud.Connect(options: cloud.Options(requestTimeout: TimeSpan.FromMilliseconds(300), maxRetries: 0));
        await connection.ConnectAsync(Ct);
        cloud.Admin.AddFault(new FaultRule { Route = GetServerRoute, LatencyMs = 5000, Times = 1 });

        var error = await Assert.ThrowsAsync<OpenStackTimeoutException>(() => connection.Compute.GetServerAsync(MissingId, Ct));

        Assert.Equal("compute", error.Service);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Refused_connection_is_unreachable_and_says_so()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var connection = new OpenStackConnection(new OpenStackConnectionOptions
        {
            Endpoint = $"127.0.0.1:{port}",
            ProjectPath = "/openstack/14",
            Secure = false,
            ApplicationCredentialId = "id",
            ApplicationCredentialSecret = "Refused-Secret-1234",
            MaxRetries = 0,
        });

        var error = await Assert.ThrowsAsync<OpenStackUnreachableException>(() => connection.ConnectAsync(Ct));

        Assert.Equal(UnreachableReason.ConnectionRefused, error.Reason);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused-Secret-1234", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_counted_by_the_openstack_meter()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OpenStackTelemetry.MeterName && instrument.Name == OpenStackTelemetry.RequestsInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var route = tags.ToArray().FirstOrDefault(t => t.Key == "route").Value as string;
            var status = tags.ToArray().FirstOrDefault(t => t.Key == "status").Value as string;
            if (route == "/servers/{id}" && status == "404")
            {
                Interlocked.Add(ref counted, value);
            }
        });
        listener.Start();

        for (var i = 0; i < 3; i++)
        {
            await connection.Compute.GetServerAsync(MissingId, Ct);
        }

        Assert.True(Interlocked.Read(ref counted) >= 3, $"counted {counted}");
    }

    [Fact]
    public async Task Thousand_sequential_compute_calls_use_one_token_request()
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("counts Keystone requests over 1000 calls");
        using var connection = cloud.Connect();
        var id = await ComputeContractTests.ActiveServerAsync(connection);
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < 1000; i++)
        {
            await connection.Compute.GetServerAsync(id, Ct);
        }

        stopwatch.Stop();
        var tokens = cloud.Count(TokenRoute);
        TestContext.Current.TestOutputHelper?.WriteLine($"1000 sequential GET /servers/{{id}}: {tokens} Keystone token request(s), {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(1, tokens);
    }

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        await Poll.UntilAsync(_ => Task.FromResult(condition()), done => done, _ => $"Waited in vain for {what}.", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5));
    }
}
