using CloudPe.Reliability.Tests.Harness;
using Xunit;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Issue part 2: the fleet under a seeded mix of cloud faults, with the retry budget counted.</summary>
public sealed class CloudFaultTests
{
    internal const int FleetSize = 200;

    [Fact]
    public async Task A_fleet_created_changed_and_deleted_under_cloud_faults_keeps_every_invariant_and_the_retry_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 2, MaxConcurrentReconciles = 8 }, ct);
        var tally = new ScenarioTally();
        var violations = await new FleetUnderFaults(world, tally).RunAsync(FleetSize, TimeSpan.FromMinutes(2));
        var leaks = await world.ScanForSecretsAsync();
        var creates = world.CloudRequests.Count("compute POST /servers");
        var perVm = (double)world.CloudRequests.Total / FleetSize;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"cloud faults: {tally}; OpenStack requests {world.CloudRequests.Total} ({perVm:F1} per VM over create+change+delete), POST /servers {creates}; " +
            string.Join(", ", world.CloudRequests.ByKind.Where(p => p.Key.Contains("POST /servers ->", StringComparison.Ordinal) || !p.Key.Contains(" -> ", StringComparison.Ordinal)).OrderByDescending(p => p.Value).Take(16).Select(p => $"{p.Key}={p.Value}")));
        Assert.Empty(violations);
        Assert.Empty(leaks);

        // A create is never retried blindly: one accepted (or unanswered, then adopted) POST /servers per VM; any other
        // POST was refused before it had an effect (401 after a token revocation, an injected 5xx).
        var effective = world.CloudRequests.Count("compute POST /servers -> 202") + world.CloudRequests.Count("compute POST /servers -> no answer");
        Assert.Equal(FleetSize, effective);

        // Retry budget: a VM's whole life costs a bounded number of requests even with ~10% of them failing.
        Assert.True(perVm < 60, $"{perVm:F1} OpenStack requests per VM");
    }
}
