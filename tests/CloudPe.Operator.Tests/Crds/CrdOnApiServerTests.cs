using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace CloudPe.Operator.Tests.Crds;

/// <summary>The generated CRDs installed on the emulated API server: defaults, validation and CEL transition rules at work.</summary>
public sealed class CrdOnApiServerTests(CrdCluster cluster) : IClassFixture<CrdCluster>
{
    private const string Ns = CrdCluster.Namespace;

    [Fact]
    public async Task A_minimal_vm_gets_every_default()
    {
        var created = await CreateVmAsync("defaults", new CloudPeVMSpec
        {
            ServerRef = new LocalObjectReference { Name = "mumbai" },
            Flavor = "c1.small",
            Image = "Debian 12",
            Network = "public-net",
            PasswordSecretRef = new SecretKeyReference { Name = "pw" },
        });

        Assert.Equal(IpMode.IPv4, created.Spec.IpMode);
        Assert.Equal(PowerState.Running, created.Spec.PowerState);
        Assert.Equal(DeletionPolicy.Delete, created.Spec.DeletionPolicy);
        Assert.Equal("default", created.Spec.SecurityGroup);
        Assert.Equal(30, created.Spec.Volume.SizeGiB);
        Assert.Equal("password", created.Spec.PasswordSecretRef!.Key);
    }

    [Fact]
    public async Task Volume_grows_but_never_shrinks()
    {
        await CreateVmAsync("grow", Spec(sizeGiB: 40));

        var grown = await PatchVmAsync("grow", """{"spec":{"volume":{"sizeGiB":60}}}""");
        var shrink = await Assert.ThrowsAsync<HttpOperationException>(() => PatchVmAsync("grow", """{"spec":{"volume":{"sizeGiB":50}}}"""));

        Assert.Equal(60, grown.Spec.Volume.SizeGiB);
        Assert.Equal(422, (int)shrink.Response.StatusCode);
        Assert.Contains("volume.sizeGiB may grow but never shrink", shrink.Response.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image", """{"spec":{"image":"Ubuntu 24.04"}}""", "image is immutable")]
    [InlineData("network", """{"spec":{"network":"other-net"}}""", "network is immutable")]
    [InlineData("ipmode", """{"spec":{"ipMode":"DualStack"}}""", "ipMode is immutable")]
    [InlineData("policy-change", """{"spec":{"volume":{"storagePolicy":"High IOPS"}}}""", "volume.storagePolicy is immutable")]
    [InlineData("policy-removal", """{"spec":{"volume":{"storagePolicy":null}}}""", "volume.storagePolicy is immutable")]
    public async Task Immutable_fields_refuse_a_change(string name, string patch, string message)
    {
        await CreateVmAsync(name, Spec(storagePolicy: "General Purpose"));

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => PatchVmAsync(name, patch));

        Assert.Equal(422, (int)refused.Response.StatusCode);
        Assert.Contains(message, refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_policy_cannot_be_added_after_create()
    {
        await CreateVmAsync("add-policy", Spec());

        var refused = await Assert.ThrowsAsync<HttpOperationException>(
            () => PatchVmAsync("add-policy", """{"spec":{"volume":{"storagePolicy":"High IOPS"}}}"""));

        Assert.Contains("volume.storagePolicy is immutable", refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutable_fields_change()
    {
        await CreateVmAsync("mutable", Spec());

        var changed = await PatchVmAsync("mutable", """{"spec":{"flavor":"c1.large","powerState":"Stopped","securityGroup":"web"}}""");

        Assert.Equal("c1.large", changed.Spec.Flavor);
        Assert.Equal(PowerState.Stopped, changed.Spec.PowerState);
    }

    [Fact]
    public async Task Status_is_a_subresource()
    {
        await CreateVmAsync("status", Spec());
        var patch = new V1Patch("""{"status":{"phase":"Running","vmId":"abc","conditions":[{"type":"Ready","status":"True","reason":"Available"}]}}""", V1Patch.PatchType.MergePatch);

        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<CloudPeVM>(
            patch, CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, "status", cancellationToken: TestContext.Current.CancellationToken);
        var viaMain = await PatchVmAsync("status", """{"status":{"vmId":"changed"}}""");

        Assert.Equal(VmPhase.Running, viaMain.Status.Phase);
        Assert.Equal("abc", viaMain.Status.VmId);
        Assert.Equal(ConditionStatus.True, Assert.Single(viaMain.Status.Conditions).Status);
    }

    [Fact]
    public async Task A_server_gets_defaults_and_refuses_an_endpoint_with_a_scheme()
    {
        var server = new CloudPeServer
        {
            Metadata = new V1ObjectMeta { Name = "mumbai", NamespaceProperty = Ns },
            Spec = new CloudPeServerSpec { Endpoint = "cmp.dashboard.controlcloud.app", CredentialsSecretRef = new SecretReference { Name = "cred" } },
        };
        var bad = new CloudPeServer
        {
            Metadata = new V1ObjectMeta { Name = "bad", NamespaceProperty = Ns },
            Spec = new CloudPeServerSpec { Endpoint = "https://cmp.dashboard.controlcloud.app/openstack", CredentialsSecretRef = new SecretReference { Name = "cred" } },
        };

        var created = await CreateAsync(server, CloudPeServer.KubePluralName);
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => CreateAsync(bad, CloudPeServer.KubePluralName));

        Assert.Equal("/", created.Spec.ProjectPath);
        Assert.True(created.Spec.Secure);
        Assert.Equal(30, created.Spec.MinVolumeSizeGiB);
        Assert.Equal("10m", created.Spec.InventoryRefreshInterval);
        Assert.Equal(422, (int)refused.Response.StatusCode);
        Assert.Contains("spec.endpoint", refused.Response.Content, StringComparison.Ordinal);
    }

    private static CloudPeVMSpec Spec(int sizeGiB = 30, string? storagePolicy = null) => new()
    {
        ServerRef = new LocalObjectReference { Name = "mumbai" },
        Flavor = "c1.small",
        Image = "Debian 12",
        Network = "public-net",
        Volume = new VolumeSpec { SizeGiB = sizeGiB, StoragePolicy = storagePolicy },
    };

    private Task<CloudPeVM> CreateVmAsync(string name, CloudPeVMSpec spec) =>
        CreateAsync(new CloudPeVM { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Spec = spec }, CloudPeVM.KubePluralName);

    private async Task<T> CreateAsync<T>(T body, string plural) =>
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(
            body, CloudPeApiGroup.Group, CloudPeApiGroup.Version, Ns, plural, cancellationToken: TestContext.Current.CancellationToken);

    private async Task<CloudPeVM> PatchVmAsync(string name, string mergePatch) =>
        await cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<CloudPeVM>(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, Ns, CloudPeVM.KubePluralName, name,
            cancellationToken: TestContext.Current.CancellationToken);
}
