using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmReferenceTests
{
    [Theory]
    [InlineData("flavor", "c1.mediun", "FlavorNotFound", "spec.flavor", "c1.medium")]
    [InlineData("image", "Debain 12", "ImageNotFound", "spec.image", "Debian 12")]
    [InlineData("network", "public-nett", "NetworkNotFound", "spec.network", "public-net")]
    [InlineData("securityGroup", "defualt", "SecurityGroupNotFound", "spec.securityGroup", "default")]
    [InlineData("storagePolicy", "General Purpos", "StoragePolicyNotFound", "spec.volume.storagePolicy", "General Purpose")]
    [InlineData("ipMode", "IPv6", "IpVersionUnavailable", "spec.ipMode", "private-v6")]
    public async Task An_unknown_reference_names_field_and_value_and_suggests_close_names(string field, string value, string reason, string path, string suggestion)
    {
        await using var bed = await VmTestbed.StartAsync();
        var spec = VmTestbed.Spec();
        switch (field)
        {
            case "flavor": spec.Flavor = value; break;
            case "image": spec.Image = value; break;
            case "network": spec.Network = value; break;
            case "securityGroup": spec.SecurityGroup = value; break;
            case "storagePolicy": spec.Volume.StoragePolicy = value; break;
            default: spec.IpMode = IpMode.IPv6; break;
        }

        await bed.CreateVmAsync("bad", spec);

        var vm = await bed.UntilAsync("bad", v => VmConditionsAssert.Get(v, ConditionTypes.Ready)?.Reason == reason, $"Ready=False reason {reason}");
        var ready = VmConditionsAssert.Get(vm, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Contains(path, ready.Message, StringComparison.Ordinal);
        Assert.Contains(field == "ipMode" ? "private-v4" : $"'{value}'", ready.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, ready.Message, StringComparison.Ordinal);
        Assert.True(VmConditionsAssert.Is(vm, "Stalled", ConditionStatus.True));
        Assert.Equal(VmPhase.Pending, vm.Status.Phase);
        Assert.Null(vm.Status.VmId);
        Assert.Empty(bed.Cloud.Admin.Snapshot().Servers);
        Assert.Contains(await bed.EventsAsync("bad"), e => e.Type == "Warning" && e.Reason == reason);
    }

    [Fact]
    public async Task Fixing_the_reference_creates_the_vm()
    {
        await using var bed = await VmTestbed.StartAsync();
        var spec = VmTestbed.Spec(flavor: "c1.tiny");
        await bed.CreateVmAsync("fix", spec);
        await bed.UntilAsync("fix", v => VmConditionsAssert.Get(v, ConditionTypes.Ready)?.Reason == "FlavorNotFound", "the flavor is reported unknown");

        await bed.PatchVmAsync("fix", """{"spec":{"flavor":"c1.small"}}""");

        var ready = await bed.UntilAsync("fix", VmConditionsAssert.Ready, "the VM is Ready");
        Assert.Null(VmConditionsAssert.Get(ready, "Stalled"));
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0x00, 0xfe, 0x80, 0x01, 0xc3, 0x28, 0x0a })]
    [InlineData(new byte[] { 0x47, 0x6f, 0x6f, 0x64, 0x2d, 0x50, 0x77, 0x0a })]
    public async Task A_password_that_is_not_clean_text_is_reported_and_nothing_is_created(byte[] junk)
    {
        await using var bed = await VmTestbed.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(
            new k8s.Models.V1Secret { Metadata = new() { Name = "junk-pw", NamespaceProperty = VmTestbed.Ns }, Data = new Dictionary<string, byte[]> { ["password"] = junk } },
            VmTestbed.Ns,
            cancellationToken: ct);
        var spec = VmTestbed.Spec();
        spec.PasswordSecretRef = new SecretKeyReference { Name = "junk-pw" };
        await bed.CreateVmAsync("junk", spec);

        var vm = await bed.UntilAsync("junk", v => VmConditionsAssert.Get(v, ConditionTypes.Ready) is { Status: ConditionStatus.False, Reason: not null and not "Pending" }, "Ready=False with a reason");
        var ready = VmConditionsAssert.Get(vm, ConditionTypes.Ready)!;
        Assert.Equal("PasswordInvalid", ready.Reason);
        Assert.Contains("junk-pw", ready.Message, StringComparison.Ordinal);
        Assert.Contains("key password", ready.Message, StringComparison.Ordinal);
        Assert.True(VmConditionsAssert.Is(vm, "Stalled", ConditionStatus.True));
        Assert.Null(vm.Status.VmId);
        Assert.Empty(bed.Cloud.Admin.Snapshot().Servers);

        await bed.Client.CoreV1.PatchNamespacedSecretAsync(
            new k8s.Models.V1Patch("""{"stringData":{"password":"Fixed-Passw0rd!z"}}""", k8s.Models.V1Patch.PatchType.MergePatch), "junk-pw", VmTestbed.Ns, cancellationToken: ct);
        await bed.UntilAsync("junk", VmConditionsAssert.Ready, "the VM is Ready once the Secret holds a clean password");
        Assert.Single(bed.Cloud.Admin.Snapshot().Servers);
    }
}
