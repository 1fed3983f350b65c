using BenchmarkDotNet.Attributes;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Reconcilers.Vm;
using k8s;
using NovaServer = CloudPe.OpenStack.Compute.Server;

namespace CloudPe.Benchmarks.Micro;

/// <summary>
/// The steady-resync status diff of 1,000 VMs, as SyncStatus does it: serialise the status, map the fleet
/// snapshot's server into it, serialise again and compare.
/// </summary>
[MemoryDiagnoser]
public class StatusDiffBenchmarks
{
    private ServerPageFixture? _fixture;
    private List<(CloudPeVMStatus Status, NovaServer Server)> _vms = [];

    /// <summary>Records 1,000 servers and maps each into a status once, so the diff finds no change.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = ServerPageFixture.StartAsync(1000).GetAwaiter().GetResult();
        _vms = [.. _fixture.Servers.Select(server =>
        {
            var status = new CloudPeVMStatus();
            StatusMapping.Apply(status, server, IpMode.IPv6, null, null);
            return (status, server);
        })];
    }

    /// <summary>Stops the simulator.</summary>
    [GlobalCleanup]
    public void Cleanup() => _fixture?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Returns how many statuses changed (0 in a steady state).</summary>
    [Benchmark(Description = "status diff, 1,000 steady VMs")]
    public int Diff()
    {
        var changed = 0;
        foreach (var (status, server) in _vms)
        {
            var before = KubernetesJson.Serialize(status);
            StatusMapping.Apply(status, server, IpMode.IPv6, null, null);
            if (before != KubernetesJson.Serialize(status))
            {
                changed++;
            }
        }

        return changed;
    }
}
