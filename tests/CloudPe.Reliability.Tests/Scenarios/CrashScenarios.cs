using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Reliability.Tests.Harness;
using k8s;
using k8s.Models;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>
/// Runs crash points against one world: puts a VM in the state the step starts from, arms the running operator's
/// crash switch, makes the change, kills the operator when the switch trips, starts a fresh one and checks the
/// invariants once it has settled.
/// </summary>
internal sealed class CrashScenarios(World world, ScenarioTally tally)
{
    public const string ResizeVm = "resize-vm";
    public const string ExtendVm = "extend-vm";
    public const string PowerVm = "power-vm";
    public const string PasswordVm = "password-vm";
    public const string PasswordSecret = "password-vm-user";

    private static readonly TimeSpan TripWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(45);
    private int _serial;

    /// <summary>The long-lived VMs the resize, extend, power and password steps work on.</summary>
    public async Task PrepareAsync()
    {
        await world.CreateSecretAsync(PasswordSecret, CloudPeVMSpec.DefaultPasswordKey, NewPassword());
        await world.CreateVmAsync(ResizeVm, World.Spec());
        await world.CreateVmAsync(ExtendVm, World.Spec(image: "Rocky 9"));
        await world.CreateVmAsync(PowerVm, World.Spec(network: "private-v6", ipMode: IpMode.IPv6));
        var password = World.Spec();
        password.PasswordSecretRef = new SecretKeyReference { Name = PasswordSecret };
        await world.CreateVmAsync(PasswordVm, password);
        var violations = await world.ConvergeAsync(SettleWithin);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("The VMs did not settle before the crash points: " + string.Join("; ", violations));
        }
    }

    /// <summary>Runs one crash point; returns the invariant violations left afterwards (empty = consistent).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CrashPoint point)
    {
        var n = Interlocked.Increment(ref _serial);
        Func<Task> act = point.Step switch
        {
            "create" => () => world.CreateVmAsync($"c-{n}", CreateSpec(point.Variant)),
            "resize" => async () =>
            {
                var vm = await world.GetVmAsync(ResizeVm);
                await world.PatchSpecAsync(ResizeVm, new JsonObject { ["flavor"] = vm!.Spec.Flavor == "c1.small" ? "c1.medium" : "c1.small" });
            },
            "extend" => async () =>
            {
                var vm = await world.GetVmAsync(ExtendVm);
                await world.PatchSpecAsync(ExtendVm, new JsonObject { ["volume"] = new JsonObject { ["sizeGiB"] = Math.Max(vm!.Spec.Volume.SizeGiB, vm.Status.VolumeSizeGiB ?? 0) + 10 } });
            },
            "power" => () => world.PatchSpecAsync(PowerVm, new JsonObject { ["powerState"] = point.Variant }),
            "password" when point.Variant == "reset" => () => world.AnnotateAsync(PasswordVm, CloudPeAnnotations.PasswordReset, $"reset-{n}"),
            "password" => ChangeUserPasswordAsync,
            "delete" => () => world.DeleteVmAsync($"d-{n}"),
            _ => throw new ArgumentException($"unknown step {point.Step}", nameof(point)),
        };

        if (point.Step == "delete")
        {
            // The VM to delete is built (and settled) before the crash switch is armed.
            await world.CreateVmAsync($"d-{n}", World.Spec(power: Enum.Parse<PowerState>(point.Variant)));
            var settled = await world.ConvergeAsync(SettleWithin);
            if (settled.Count > 0)
            {
                return [.. settled.Select(v => $"{point} (before the crash): {v}")];
            }
        }

        var instance = world.Current;
        instance.Crash.Arm(point.Kind, point.Nth);
        await act();
        if (await world.UntilAsync(() => Task.FromResult(instance.Crash.IsTripped), TripWithin))
        {
            tally.Add("crash points");
            tally.Add($"crash points {point.Step}");
            await world.RestartAsync();
        }
        else
        {
            tally.Add("crash points not reached");
            tally.Add($"not reached: {point}");
        }

        var violations = await world.ConvergeAsync(SettleWithin);
        tally.Add("invariant checks");
        tally.Add("invariant violations", violations.Count);
        return [.. violations.Select(v => $"{point}: {v}")];
    }

    private static CloudPeVMSpec CreateSpec(string mode) => mode switch
    {
        "IPv6" => World.Spec(network: "private-v6", ipMode: IpMode.IPv6, flavor: "c1.medium"),
        "DualStack" => World.Spec(network: "public-net", ipMode: IpMode.DualStack, image: "Ubuntu 24.04", sizeGiB: 45),
        _ => World.Spec(),
    };

    private async Task ChangeUserPasswordAsync()
    {
        var password = NewPassword();
        world.Secrets.Add(password);
        var patch = new JsonObject { ["data"] = new JsonObject { [CloudPeVMSpec.DefaultPasswordKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(password)) } };
        await world.Admin.CoreV1.PatchNamespacedSecretAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), PasswordSecret, World.Ns, cancellationToken: world.CancellationToken);
    }

    private string NewPassword() => "Pw-" + world.Random.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + world.Random.Next().ToString("x8", CultureInfo.InvariantCulture) + "!A";
}
