using BenchmarkDotNet.Attributes;
using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Benchmarks.Micro;

/// <summary>The client reading one 1,000-server <c>/servers/detail</c> page (served from memory).</summary>
[MemoryDiagnoser]
public class ServerPageBenchmarks
{
    private ServerPageFixture? _fixture;
    private OpenStackConnection? _connection;

    /// <summary>Size of the recorded page in KB (shown in the summary's parameters).</summary>
    public double PageKilobytes => (_fixture?.Page.Length ?? 0) / 1024.0;

    /// <summary>Starts the simulator, creates the servers and records the page.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = ServerPageFixture.StartAsync(1000).GetAwaiter().GetResult();
        _connection = _fixture.ReplayingConnection();
        Console.WriteLine($"// page: {_fixture.Page.Length / 1024.0:F0} KB, {_fixture.Page.Length / 1000.0:F0} bytes per server");
        _ = Deserialise().GetAwaiter().GetResult();
    }

    /// <summary>Stops the simulator.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        _fixture?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One list call: HTTP pipeline from memory, JSON to <see cref="Server"/> records.</summary>
    [Benchmark(Description = "GET /servers/detail, 1,000 servers → Server")]
    public async Task<int> Deserialise()
    {
        var count = 0;
        await foreach (var server in _connection!.Compute.ListServersDetailAsync(new ServerListQuery { Limit = 1000 }))
        {
            count += server.Id.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
