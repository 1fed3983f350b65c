using Xunit;
using static CloudPe.Operator.Tests.Crds.GeneratedCrds;

namespace CloudPe.Operator.Tests.Crds;

public sealed class CloudPeServerCrdRulesTests
{
    private const string File = CrdFileNames.Servers;

    [Fact]
    public void Endpoint_and_credentials_are_required()
    {
        Assert.Equal(["credentialsSecretRef", "endpoint"], Strings(Property(File, "spec")["required"]));
        Assert.Equal(["name"], Strings(Property(File, "spec.credentialsSecretRef")["required"]));
    }

    [Theory]
    [InlineData("spec.projectPath", "/")]
    [InlineData("spec.secure", "true")]
    [InlineData("spec.minVolumeSizeGiB", "30")]
    [InlineData("spec.inventoryRefreshInterval", "10m")]
    [InlineData("spec.caBundleSecretRef.key", "ca.crt")]
    public void Defaults(string path, string value)
    {
        Assert.Equal(value, Property(File, path)["default"]);
    }

    [Fact]
    public void Minimum_volume_size_is_bounded()
    {
        var node = Property(File, "spec.minVolumeSizeGiB");

        Assert.Equal("1", node["minimum"]);
        Assert.Equal("16384", node["maximum"]);
    }

    [Fact]
    public void Inventory_lists_are_capped_and_counted()
    {
        var inventory = Map(Property(File, "status.inventory")["properties"]);

        foreach (var (list, count) in new[]
                 {
                     ("flavors", "flavorCount"), ("images", "imageCount"), ("networks", "networkCount"),
                     ("securityGroups", "securityGroupCount"), ("volumeTypes", "volumeTypeCount"),
                 })
        {
            Assert.Equal("500", Map(inventory[list])["maxItems"]);
            Assert.Equal("integer", Map(inventory[count])["type"]);
        }

        Assert.Equal(
            ["diskGiB", "id", "name", "ramMiB", "vcpus"],
            Map(Map(Map(inventory["flavors"])["items"])["properties"]).Keys.Cast<string>());
    }

    [Fact]
    public void Printer_columns_show_endpoint_project_ready_reason_and_age()
    {
        var columns = ((List<object>)Version(File)["additionalPrinterColumns"]).Select(Map).ToList();

        Assert.Equal(["Endpoint", "Project", "Ready", "Reason", "Age"], columns.Select(c => (string)c["name"]));
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].status", columns[2]["jsonPath"]);
        Assert.Equal(["cpserver"], Strings(Map(Map(Crd(File)["spec"])["names"])["shortNames"]));
    }

    [Fact]
    public void Status_has_no_field_that_could_hold_the_credential()
    {
        var names = new List<string>();
        CollectNames(Property(File, "status"), names);

        Assert.Contains("authUrl", names);
        Assert.DoesNotContain(names, name =>
            name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase)
            || name.Contains("credential", StringComparison.OrdinalIgnoreCase));
    }

    private static void CollectNames(Dictionary<object, object> node, List<string> names)
    {
        if (node.TryGetValue("properties", out var properties))
        {
            foreach (var (name, child) in Map(properties))
            {
                names.Add((string)name);
                CollectNames(Map(child), names);
            }
        }

        if (node.TryGetValue("items", out var items))
        {
            CollectNames(Map(items), names);
        }
    }
}
