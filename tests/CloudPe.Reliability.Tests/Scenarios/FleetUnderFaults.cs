using System.Text.Json.Nodes;
using CloudPe.CloudSimulator;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Reliability.Tests.Harness;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>
/// Issue part 2: a fleet created, changed and deleted while the cloud fails in a seeded mix of ways (500/503, 429
/// with Retry-After, latency, responses dropped after the side effect, token revocation, builds ending in ERROR).
/// Returns the invariant violations met at each settle point.
/// </summary>
internal sealed class FleetUnderFaults(World world, ScenarioTally tally)
{
    public const int FailedBuilds = 2;
    public const int DroppedCreates = 3;

    public async Task<IReadOnlyList<string>> RunAsync(int fleetSize, TimeSpan settleWithin)
    {
        var random = world.Random;
        var admin = world.Cloud.Admin;
        AddFault(new FaultRule { Route = "compute GET /servers/{id}", Status = 500, Probability = 0.1 });
        AddFault(new FaultRule { Route = "compute GET /servers/detail", Status = 503, Probability = 0.1 });
        AddFault(new FaultRule { Route = "network *", Status = 429, RetryAfterSeconds = 2, Probability = 0.05 });
        AddFault(new FaultRule { Route = "compute POST /servers/{id}/action", Status = 503, Probability = 0.1 });
        AddFault(new FaultRule { Route = "volume *", Status = 500, Probability = 0.05 });
        AddFault(new FaultRule { Route = "image *", LatencyMs = 20, Probability = 0.3 });
        AddFault(new FaultRule { Route = "compute POST /servers", DropResponse = true, Times = DroppedCreates, Probability = 0.05 });
        admin.FailNextBuilds(FailedBuilds, "No valid host was found. There are not enough hosts available.");
        tally.Add("faults: failed builds", FailedBuilds);

        var violations = new List<string>();
        var names = Enumerable.Range(1, fleetSize).Select(i => $"vm-{i:D3}").ToList();
        foreach (var name in names)
        {
            var spec = random.Next(3) switch
            {
                0 => World.Spec(network: "private-v6", ipMode: IpMode.IPv6),
                1 when names.IndexOf(name) % 3 == 1 => World.Spec(network: "public-net", ipMode: IpMode.DualStack, flavor: "c1.medium"),
                _ => World.Spec(),
            };
            await world.CreateVmAsync(name, spec);
            if (random.NextDouble() < 0.02)
            {
                admin.RevokeAllTokens();
                tally.Add("faults: token revocations");
            }
        }

        var failed = await SettleAsync("created", settleWithin, violations);
        tally.Add("VMs created", fleetSize);

        // Change about a third: resize, grow the disk, or stop.
        admin.RevokeAllTokens();
        tally.Add("faults: token revocations");
        foreach (var name in names.Where(n => !failed.Contains(n)))
        {
            var change = random.Next(6) switch
            {
                0 => new JsonObject { ["flavor"] = "c1.large" },
                1 => new JsonObject { ["volume"] = new JsonObject { ["sizeGiB"] = 50 } },
                2 => new JsonObject { ["powerState"] = "Stopped" },
                _ => null,
            };
            if (change is not null)
            {
                await world.PatchSpecAsync(name, change);
                tally.Add("VMs changed");
            }
        }

        await SettleAsync("changed", settleWithin, violations);
        foreach (var name in names)
        {
            await world.DeleteVmAsync(name);
        }

        admin.RevokeAllTokens();
        tally.Add("faults: token revocations");
        await SettleAsync("deleted", settleWithin, violations);
        var left = admin.Snapshot();
        if (left.Servers.Count + left.Ports.Count(p => !world.Baseline.Contains(p.Id)) + left.Volumes.Count(v => !world.Baseline.Contains(v.Id)) > 0)
        {
            violations.Add($"after deleting every VM the cloud still has {left.Servers.Count} servers, {left.Ports.Count} ports, {left.Volumes.Count} volumes");
        }

        tally.Add("VMs deleted", fleetSize);
        foreach (var (_, rule, remaining) in admin.Faults)
        {
            if (remaining is { } r && rule.Times is { } times)
            {
                tally.Add($"faults: {(rule.DropResponse ? "dropped responses" : $"{rule.Status}")}", times - r);
            }
        }

        return violations;

        void AddFault(FaultRule rule)
        {
            admin.AddFault(rule);
            tally.Add("fault rules");
        }
    }

    /// <summary>Settles the fleet; the VMs whose build ended in ERROR must show it (Failed, reason ServerError).</summary>
    private async Task<HashSet<string>> SettleAsync(string stage, TimeSpan within, List<string> violations)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> left = [];
        await world.UntilAsync(
            async () =>
            {
                foreach (var vm in await world.ListVmsAsync())
                {
                    if (vm.Status?.Phase == VmPhase.Failed)
                    {
                        failed.Add(vm.Metadata.Name);
                        expected[vm.Metadata.Name] = "ServerError";
                    }
                }

                left = await Invariants.CheckAsync(world, expected);
                return left.Count == 0;
            },
            within,
            TimeSpan.FromSeconds(1));
        tally.Add("invariant checks");
        tally.Add("invariant violations", left.Count);
        violations.AddRange(left.Select(v => $"{stage}: {v}"));
        if (stage == "created" && failed.Count != FailedBuilds)
        {
            violations.Add($"{stage}: {failed.Count} VMs show a failed build, {FailedBuilds} builds were made to fail");
        }

        return failed;
    }
}
