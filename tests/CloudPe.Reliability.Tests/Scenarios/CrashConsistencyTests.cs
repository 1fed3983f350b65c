using CloudPe.Reliability.Tests.Harness;
using Xunit;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Issue part 1: the operator killed at each step of create, resize, extend, power, password and delete.</summary>
public sealed class CrashConsistencyTests
{
    [Fact]
    public async Task Every_crash_point_leaves_one_server_per_vm_no_orphans_and_every_vm_converged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 1 }, ct);
        var tally = new ScenarioTally();
        var scenarios = new CrashScenarios(world, tally);
        await scenarios.PrepareAsync();

        var violations = new List<string>();
        foreach (var point in CrashPlan.Short())
        {
            violations.AddRange(await scenarios.RunAsync(point));
        }

        var leaks = await world.ScanForSecretsAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"crash consistency: {tally}; OpenStack requests {world.CloudRequests.Total}; operators started {world.Operators.Count}; log lines {world.Logs.Lines.Count}");
        foreach (var line in violations.Concat(leaks))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        Assert.Empty(violations);
        Assert.Empty(leaks);
        Assert.True(tally["crash points"] >= 50, $"only {tally["crash points"]} crash points were reached: {tally}");
    }
}
