using System.Text;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Reconcilers.Vm;
using k8s;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmActionTests
{
    private const string Reboot = "compute POST /servers/{id}/action:reboot";
    private const string ChangePassword = "compute POST /servers/{id}/action:changePassword";
    private const string Console = "compute POST /servers/{id}/remote-consoles";

    [Fact]
    public async Task Every_action_is_done_once_per_value_while_running()
    {
        await using var bed = await VmTestbed.StartAsync();
        await bed.CreateVmAsync("act", VmTestbed.Spec());
        var running = await bed.UntilAsync("act", VmConditionsAssert.Ready, "running");
        var firstConsole = running.Status.Console!;
        var oldPassword = await PasswordAsync(bed, "act-credentials");

        await bed.AnnotateAsync("act", CloudPeAnnotations.Restart, "t1");
        var restarted = await bed.UntilAsync("act", v => v.Status.HandledActions?.Restart == "t1" && VmConditionsAssert.Ready(v), "the restart is handled");
        await bed.AnnotateAsync("act", CloudPeAnnotations.Restart, "t2;hard");
        await bed.UntilAsync("act", v => v.Status.HandledActions?.Restart == "t2;hard" && VmConditionsAssert.Ready(v), "the hard restart is handled");
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.AnnotateAsync("act", CloudPeAnnotations.Console, "c1");
        var console = await bed.UntilAsync("act", v => v.Status.HandledActions?.Console == "c1", "the console is handled");
        await bed.AnnotateAsync("act", CloudPeAnnotations.PasswordReset, "p1");
        await bed.UntilAsync("act", v => v.Status.HandledActions?.PasswordReset == "p1", "the password reset is handled");
        await bed.AnnotateAsync("act", CloudPeAnnotations.Sync, "s1");
        var synced = await bed.UntilAsync("act", v => v.Status.HandledActions?.Sync == "s1", "the sync is handled");

        var counters = bed.Cloud.Admin.Counters.ByRoute;
        Assert.Equal(2, counters.GetValueOrDefault(Reboot));
        Assert.Equal(2, counters.GetValueOrDefault(Console)); // first Running, then the annotation
        Assert.Equal(1, counters.GetValueOrDefault(ChangePassword));
        Assert.NotEqual(firstConsole.Url, console.Status.Console!.Url);
        Assert.True(console.Status.Console.ExpiresAt > console.Status.Console.IssuedAt);
        Assert.True(console.Status.Console.IssuedAt > firstConsole.IssuedAt);
        var newPassword = await PasswordAsync(bed, "act-credentials");
        Assert.NotEqual(oldPassword, newPassword);
        Assert.True(PasswordGenerator.IsComplex(newPassword));
        Assert.True(synced.Status.LastSyncTime >= restarted.Status.LastSyncTime);
        Assert.False(VmConditionsAssert.Is(synced, ConditionTypes.ActionRejected, ConditionStatus.True));
        var reasons = (await bed.EventsAsync("act")).Select(e => e.Reason).ToList();
        Assert.Superset(new HashSet<string> { "Rebooting", "ConsoleIssued", "PasswordReset", "Synced" }, reasons.ToHashSet());

        // The same values again do nothing.
        await bed.PatchVmAsync("act", """{"metadata":{"labels":{"touched":"yes"}}}""");
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        await bed.UntilAsync("act", VmConditionsAssert.Ready, "still running");
        Assert.Equal(2, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(Reboot));
        Assert.Equal(1, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(ChangePassword));
    }

    [Fact]
    public async Task Actions_asked_while_stopped_are_rejected_not_queued_and_sync_is_always_allowed()
    {
        await using var bed = await VmTestbed.StartAsync();
        await bed.CreateVmAsync("off", VmTestbed.Spec(power: PowerState.Stopped));
        await bed.UntilAsync("off", v => VmConditionsAssert.ReadyIn(v, VmPhase.Stopped), "stopped");
        var consolesBefore = bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(Console);

        foreach (var (annotation, value) in new[] { (CloudPeAnnotations.Restart, "r1"), (CloudPeAnnotations.Console, "c1"), (CloudPeAnnotations.PasswordReset, "p1") })
        {
            await bed.AnnotateAsync("off", annotation, value);
            var rejected = await bed.UntilAsync("off", v => Handled(v, annotation) == value, $"{annotation} is handled");
            var condition = VmConditionsAssert.Get(rejected, ConditionTypes.ActionRejected)!;
            Assert.Equal(ConditionStatus.True, condition.Status);
            Assert.Equal("NotRunning", condition.Reason);
            Assert.Contains($"{annotation}={value}", condition.Message, StringComparison.Ordinal);
        }

        await bed.AnnotateAsync("off", CloudPeAnnotations.Sync, "s1");
        var synced = await bed.UntilAsync("off", v => v.Status.HandledActions?.Sync == "s1", "the sync is handled");
        Assert.Equal(ConditionStatus.False, VmConditionsAssert.Get(synced, ConditionTypes.ActionRejected)!.Status);

        // Starting later does not run the rejected actions.
        await bed.PatchVmAsync("off", """{"spec":{"powerState":"Running"}}""");
        await bed.UntilAsync("off", v => VmConditionsAssert.ReadyIn(v, VmPhase.Running), "running");
        var counters = bed.Cloud.Admin.Counters.ByRoute;
        Assert.Equal(0, counters.GetValueOrDefault(Reboot));
        Assert.Equal(0, counters.GetValueOrDefault(ChangePassword));
        Assert.Equal(consolesBefore + 1, counters.GetValueOrDefault(Console)); // only the automatic first console
        var warnings = (await bed.EventsAsync("off")).Where(e => e.Type == "Warning" && e.Reason == "ActionRejected").ToList();
        Assert.Equal(3, warnings.Count);
    }

    [Fact]
    public async Task A_changed_password_secret_is_set_in_the_running_vm_and_secrets_never_leak()
    {
        await using var bed = await VmTestbed.StartAsync();
        const string first = "First-Passw0rd!x";
        const string second = "Second-Passw0rd!y";
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(
            new k8s.Models.V1Secret { Metadata = new() { Name = "pw", NamespaceProperty = VmTestbed.Ns }, StringData = new Dictionary<string, string> { ["password"] = first } },
            VmTestbed.Ns,
            cancellationToken: TestContext.Current.CancellationToken);
        var spec = VmTestbed.Spec();
        spec.PasswordSecretRef = new SecretKeyReference { Name = "pw" };
        await bed.CreateVmAsync("pwd", spec);
        await bed.CreateVmAsync("gen", VmTestbed.Spec());
        await bed.UntilAsync("pwd", VmConditionsAssert.Ready, "pwd is running");
        await bed.UntilAsync("gen", VmConditionsAssert.Ready, "gen is running");
        Assert.Equal(0, bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(ChangePassword));

        await bed.Client.CoreV1.PatchNamespacedSecretAsync(
            new k8s.Models.V1Patch($$$"""{"stringData":{"password":"{{{second}}}"}}""", k8s.Models.V1Patch.PatchType.MergePatch), "pw", VmTestbed.Ns, cancellationToken: TestContext.Current.CancellationToken);
        await bed.EventuallyAsync(
            () => Task.FromResult(bed.Cloud.Admin.Counters.ByRoute.GetValueOrDefault(ChangePassword) == 1),
            "changePassword is sent");
        await bed.UntilAsync("pwd", v => v.Metadata.Annotations?.ContainsKey("cloudpe.io/password-applied") == true, "the applied version is recorded");

        var generated = await PasswordAsync(bed, "gen-credentials");
        var secrets = new[] { first, second, generated, bed.Cloud.ApplicationCredentialSecret };
        var events = (await bed.EventsAsync("pwd")).Concat(await bed.EventsAsync("gen")).Select(e => e.Message).ToList();
        var statuses = new[] { await bed.GetVmAsync("pwd"), await bed.GetVmAsync("gen") }.Select(v => k8s.KubernetesJson.Serialize(v)).ToList();
        Assert.NotEmpty(bed.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(events, message => message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(statuses, json => json.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static string? Handled(CloudPeVM vm, string annotation) => annotation switch
    {
        CloudPeAnnotations.Restart => vm.Status.HandledActions?.Restart,
        CloudPeAnnotations.Console => vm.Status.HandledActions?.Console,
        _ => vm.Status.HandledActions?.PasswordReset,
    };

    private static async Task<string> PasswordAsync(VmTestbed bed, string secretName)
    {
        var secret = await bed.Client.CoreV1.ReadNamespacedSecretAsync(secretName, VmTestbed.Ns, cancellationToken: TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(secret.Data["password"]);
    }
}
