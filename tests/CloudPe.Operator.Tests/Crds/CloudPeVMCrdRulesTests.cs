using Xunit;
using static CloudPe.Operator.Tests.Crds.GeneratedCrds;

namespace CloudPe.Operator.Tests.Crds;

public sealed class CloudPeVMCrdRulesTests
{
    private const string File = CrdFileNames.Vms;

    [Fact]
    public void Required_spec_fields_are_server_flavor_image_and_network()
    {
        Assert.Equal(["flavor", "image", "network", "serverRef"], Strings(Property(File, "spec")["required"]));
        Assert.Equal(["name"], Strings(Property(File, "spec.serverRef")["required"]));
    }

    [Theory]
    [InlineData("spec.image", "image is immutable")]
    [InlineData("spec.network", "network is immutable")]
    [InlineData("spec.ipMode", "ipMode is immutable")]
    [InlineData("spec.volume.storagePolicy", "volume.storagePolicy is immutable")]
    public void Immutable_fields_carry_a_self_equals_old_self_rule(string path, string message)
    {
        Assert.Contains(("self == oldSelf", message), Rules(Property(File, path)));
    }

    [Fact]
    public void Storage_policy_can_be_neither_added_nor_removed_after_create()
    {
        Assert.Contains(
            ("has(self.storagePolicy) == has(oldSelf.storagePolicy)", "volume.storagePolicy is immutable"),
            Rules(Property(File, "spec.volume")));
    }

    [Fact]
    public void Volume_may_grow_but_never_shrink()
    {
        var size = Property(File, "spec.volume.sizeGiB");

        Assert.Equal([("self >= oldSelf", "volume.sizeGiB may grow but never shrink")], Rules(size));
        Assert.Equal("integer", size["type"]);
        Assert.Equal("1", size["minimum"]);
        Assert.Equal("16384", size["maximum"]);
        Assert.Equal("30", size["default"]);
        // The whole volume defaults to {} so sizeGiB gets its default when volume is left out.
        Assert.Empty(Map(Property(File, "spec.volume")["default"]));
    }

    [Theory]
    [InlineData("spec.ipMode", "IPv4", new[] { "IPv4", "IPv6", "DualStack" })]
    [InlineData("spec.powerState", "Running", new[] { "Running", "Stopped", "Suspended" })]
    [InlineData("spec.deletionPolicy", "Delete", new[] { "Delete", "Orphan" })]
    public void Enum_fields_list_their_values_and_default(string path, string defaultValue, string[] values)
    {
        var node = Property(File, path);

        Assert.Equal(values, Strings(node["enum"]));
        Assert.Equal(defaultValue, node["default"]);
    }

    [Fact]
    public void Status_phase_lists_every_phase()
    {
        Assert.Equal(
            ["Pending", "Provisioning", "Running", "Stopped", "Suspended", "Resizing", "Deleting", "Failed"],
            Strings(Property(File, "status.phase")["enum"]));
    }

    [Fact]
    public void Defaults_of_security_group_and_password_key()
    {
        Assert.Equal("default", Property(File, "spec.securityGroup")["default"]);
        Assert.Equal("password", Property(File, "spec.passwordSecretRef.key")["default"]);
        Assert.Equal(["name"], Strings(Property(File, "spec.passwordSecretRef")["required"]));
    }

    [Theory]
    [InlineData("spec.flavor", "255")]
    [InlineData("spec.image", "255")]
    [InlineData("spec.network", "255")]
    [InlineData("spec.hostname", "63")]
    public void Names_are_bounded(string path, string maxLength)
    {
        Assert.Equal(maxLength, Property(File, path)["maxLength"]);
    }

    [Fact]
    public void Printer_columns_show_server_flavor_power_phase_ips_and_age_with_id_and_image_wide()
    {
        var columns = ((List<object>)Version(File)["additionalPrinterColumns"]).Select(Map).ToList();

        Assert.Equal(
            ["Server", "Flavor", "Power", "Phase", "IPv4", "IPv6", "VM ID", "Image", "Age"],
            columns.Select(c => (string)c["name"]));
        Assert.Equal(["VM ID", "Image"], columns.Where(c => c.ContainsKey("priority")).Select(c => (string)c["name"]));
        Assert.Equal(".spec.serverRef.name", columns[0]["jsonPath"]);
        Assert.Equal(".status.powerState", columns[2]["jsonPath"]);
        Assert.Equal("date", columns[^1]["type"]);
        Assert.Equal(["cpvm"], Strings(Map(Map(Crd(File)["spec"])["names"])["shortNames"]));
    }

    [Fact]
    public void Status_has_every_field_of_the_design()
    {
        var fields = Map(Property(File, "status")["properties"]).Keys.Cast<string>();

        Assert.Equal(
            [
                "addresses", "conditions", "console", "flavorId", "handledActions", "imageId", "ipv4", "ipv6",
                "lastSyncTime", "observedGeneration", "openStackStatus", "osName", "phase", "powerState", "taskState",
                "vmId", "volumeId", "volumeSizeGiB",
            ],
            fields);
        Assert.Equal(
            ["console", "passwordReset", "restart", "sync"],
            Map(Property(File, "status.handledActions")["properties"]).Keys.Cast<string>());
    }
}
