using CloudPe.CloudSimulator;
using k8s;
using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// What must hold once the operator has settled, checked against the simulator's state and the CRs: exactly one
/// server per CloudPeVM (by UID stamp), no server, port or volume without a live server or CR, and every CR
/// converged (Ready for its generation, status.vmId right, flavor, power state and volume size as in the spec).
/// </summary>
internal static class Invariants
{
    private const string UidKey = "cloudpe_uid";
    private const string TagPrefix = "cloudpe-uid-";

    /// <param name="world">The world to check.</param>
    /// <param name="expectedFailures">VM name → the Ready reason it must show instead of converging (bad input).</param>
    public static async Task<IReadOnlyList<string>> CheckAsync(World world, IReadOnlyDictionary<string, string>? expectedFailures = null)
    {
        var vms = await world.ListVmsAsync();
        var snapshot = world.Cloud.Admin.Snapshot();
        var violations = new List<string>();
        var liveUids = vms.Select(v => v.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var liveServers = snapshot.Servers.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var server in snapshot.Servers)
        {
            var uid = UidOf(server);
            if (uid is null)
            {
                violations.Add($"server {server.Id} ({server.Name}) carries no UID stamp");
            }
            else if (!liveUids.Contains(uid))
            {
                violations.Add($"orphan server {server.Id} ({server.Name}): no CloudPeVM has UID {uid}");
            }
        }

        foreach (var port in snapshot.Ports.Where(p => !world.Baseline.Contains(p.Id)))
        {
            var uid = port.Tags.FirstOrDefault(t => t.StartsWith(TagPrefix, StringComparison.Ordinal))?[TagPrefix.Length..];
            if (!liveServers.Contains(port.DeviceId) && (uid is null || !liveUids.Contains(uid)))
            {
                violations.Add($"orphan port {port.Id} (device '{port.DeviceId}', tags [{string.Join(",", port.Tags)}])");
            }
        }

        foreach (var volume in snapshot.Volumes.Where(v => !world.Baseline.Contains(v.Id)))
        {
            var uid = volume.Metadata.GetValueOrDefault(UidKey);
            if (!volume.AttachedServerIds.Any(liveServers.Contains) && (uid is null || !liveUids.Contains(uid)))
            {
                violations.Add($"orphan volume {volume.Id} ({volume.Status}, {volume.Size} GiB)");
            }
        }

        var cloudServers = new Dictionary<string, CloudPeServer?>(StringComparer.Ordinal);
        foreach (var vm in vms)
        {
            var name = vm.Metadata.Name;
            var stamped = snapshot.Servers.Where(s => UidOf(s) == vm.Metadata.Uid).ToList();
            if (stamped.Count > 1)
            {
                violations.Add($"{name}: {stamped.Count} servers carry its UID ({string.Join(", ", stamped.Select(s => s.Id))})");
            }

            var extraPorts = snapshot.Ports.Where(p => p.Tags.Contains(TagPrefix + vm.Metadata.Uid) && (stamped.Count == 0 || !stamped.Any(s => s.PortIds.Contains(p.Id)))).ToList();
            if (stamped.Count > 0 && extraPorts.Count > 0)
            {
                violations.Add($"{name}: {extraPorts.Count} stamped port(s) not attached to its server");
            }

            if (vm.Metadata.DeletionTimestamp is not null)
            {
                violations.Add($"{name}: still being deleted");
                continue;
            }

            var ready = vm.Status?.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
            if (expectedFailures?.TryGetValue(name, out var reason) == true)
            {
                // "*": any reason that says why (the contract only asks for a reason, not which one).
                var reasonOk = reason == "*" ? ready?.Reason is { Length: > 0 } r && r != "Ready" && ready.Message is { Length: > 0 } : ready?.Reason == reason;
                if (ready is null || ready.Status != ConditionStatus.False || !reasonOk || vm.Status!.ObservedGeneration != vm.Metadata.Generation)
                {
                    violations.Add($"{name}: expected Ready=False reason {reason}, got {ready?.Status} {ready?.Reason} (observed {vm.Status?.ObservedGeneration}/{vm.Metadata.Generation})");
                }

                continue;
            }

            if (ready?.Status != ConditionStatus.True || vm.Status!.ObservedGeneration != vm.Metadata.Generation)
            {
                violations.Add($"{name}: not Ready for generation {vm.Metadata.Generation} ({ready?.Reason}: {ready?.Message})");
                continue;
            }

            if (stamped.Count != 1)
            {
                violations.Add($"{name}: Ready but {stamped.Count} servers carry its UID");
                continue;
            }

            var actual = stamped[0];
            if (vm.Status.VmId != actual.Id)
            {
                violations.Add($"{name}: status.vmId {vm.Status.VmId} but its server is {actual.Id}");
            }

            var refName = vm.Spec.ServerRef.Name;
            if (!cloudServers.TryGetValue(refName, out var cloudServer))
            {
                cloudServer = cloudServers[refName] = await world.GetServerAsync(refName);
            }

            violations.AddRange(SpecMismatches(vm, actual, snapshot, cloudServer!));
            if (world.CloudRequests.LastPasswordSet.TryGetValue(actual.Id, out var sent))
            {
                var secretName = vm.Spec.PasswordSecretRef?.Name ?? name + "-credentials";
                var key = vm.Spec.PasswordSecretRef?.Key is { Length: > 0 } k ? k : CloudPeVMSpec.DefaultPasswordKey;
                var secret = await world.Admin.CoreV1.ReadNamespacedSecretAsync(secretName, World.Ns, cancellationToken: world.CancellationToken);
                var stored = secret.Data?.TryGetValue(key, out var bytes) == true ? System.Text.Encoding.UTF8.GetString(bytes) : null;
                if (stored != sent)
                {
                    violations.Add($"{name}: the password last set in the VM is not the one in Secret {secretName}");
                }
            }
        }

        return violations;
    }

    private static IEnumerable<string> SpecMismatches(CloudPeVM vm, ServerSnapshot server, SimulatorSnapshot snapshot, CloudPeServer cloudServer)
    {
        var name = vm.Metadata.Name;
        var inventory = cloudServer.Status.Inventory!;
        var flavor = inventory.Flavors.FirstOrDefault(f => f.Id == vm.Spec.Flavor || f.Name == vm.Spec.Flavor);
        if (flavor is not null && flavor.Id != server.FlavorId)
        {
            yield return $"{name}: flavor {vm.Spec.Flavor} wanted, server has {server.FlavorId}";
        }

        var wanted = vm.Spec.PowerState switch
        {
            PowerState.Stopped => "SHUTOFF",
            PowerState.Suspended => "SUSPENDED",
            _ => "ACTIVE",
        };
        if (server.Status != wanted || server.TaskState is not null)
        {
            yield return $"{name}: power {vm.Spec.PowerState} wanted, server is {server.Status} (task {server.TaskState})";
        }

        var image = inventory.Images.FirstOrDefault(i => i.Id == vm.Spec.Image || i.Name == vm.Spec.Image);
        var size = Math.Max(vm.Spec.Volume.SizeGiB, Math.Max(cloudServer.Spec.MinVolumeSizeGiB, image?.MinDiskGiB ?? 0));
        var volume = server.VolumeIds.Count > 0 ? snapshot.Volumes.FirstOrDefault(v => v.Id == server.VolumeIds[0]) : null;
        if (volume is null || volume.Size != size)
        {
            yield return $"{name}: boot volume of {size} GiB wanted, server has {volume?.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
        }
    }

    private static string? UidOf(ServerSnapshot server) =>
        server.Metadata.GetValueOrDefault(UidKey) ?? server.Tags.FirstOrDefault(t => t.StartsWith(TagPrefix, StringComparison.Ordinal))?[TagPrefix.Length..];
}
