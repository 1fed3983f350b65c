using Xunit;
using static CloudPe.Operator.Tests.Crds.GeneratedCrds;

namespace CloudPe.Operator.Tests.Crds;

public sealed class CrdStructureTests
{
    public static TheoryData<string> CrdFiles() => [CrdFileNames.Servers, CrdFileNames.Vms];

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Manifest_is_a_v1_crd_with_group_names_and_status_subresource(string fileName)
    {
        var crd = Crd(fileName);
        var spec = Map(crd["spec"]);
        var names = Map(spec["names"]);
        var version = Version(fileName);

        Assert.Equal("apiextensions.k8s.io/v1", crd["apiVersion"]);
        Assert.Equal("CustomResourceDefinition", crd["kind"]);
        Assert.Equal($"{names["plural"]}.cloudpe.io", Map(crd["metadata"])["name"]);
        Assert.Equal("cloudpe.io", spec["group"]);
        Assert.Equal("Namespaced", spec["scope"]);
        Assert.Equal(["cloudpe"], Strings(names["categories"]));
        Assert.Equal($"{names["kind"]}List", names["listKind"]);
        Assert.Equal("v1alpha1", version["name"]);
        Assert.Equal("true", version["served"]);
        Assert.Equal("true", version["storage"]);
        Assert.Empty(Map(Map(version["subresources"])["status"]));
        Assert.Equal(["spec"], Strings(Schema(fileName)["required"]));
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Schema_is_structural_and_described(string fileName)
    {
        var problems = new List<string>();
        CheckNode(Schema(fileName), "", problems);

        Assert.True(problems.Count == 0, $"{fileName}:\n" + string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Status_fields_are_all_optional(string fileName)
    {
        var required = new List<string>();
        CollectRequired(Property(fileName, "status"), "status", required);

        Assert.DoesNotContain(required, path => !path.StartsWith("status.conditions", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Conditions_are_a_map_list_keyed_by_type(string fileName)
    {
        var conditions = Property(fileName, "status.conditions");
        var item = Map(conditions["items"]);

        Assert.Equal("map", conditions["x-kubernetes-list-type"]);
        Assert.Equal(["type"], Strings(conditions["x-kubernetes-list-map-keys"]));
        Assert.Equal(["status", "type"], Strings(item["required"]));
        Assert.Equal(["True", "False", "Unknown"], Strings(Map(Map(item["properties"])["status"])["enum"]));
        Assert.Equal("int64", Property(fileName, "status.observedGeneration")["format"]);
    }

    private static void CheckNode(Dictionary<object, object> node, string path, List<string> problems)
    {
        if (!node.ContainsKey("type"))
        {
            problems.Add($"{path}: no type");
        }

        if (path.Length > 0 && !node.ContainsKey("description") && !path.EndsWith("[]", StringComparison.Ordinal))
        {
            problems.Add($"{path}: no description");
        }

        foreach (var key in node.Keys.Cast<string>())
        {
            if (key is "x-kubernetes-preserve-unknown-fields" or "x-kubernetes-int-or-string" or "additionalProperties"
                or "anyOf" or "oneOf" or "allOf" or "$ref" or "nullable")
            {
                problems.Add($"{path}: unexpected {key}");
            }
        }

        if (node.TryGetValue("properties", out var properties))
        {
            foreach (var (name, child) in Map(properties))
            {
                CheckNode(Map(child), path.Length == 0 ? (string)name : $"{path}.{name}", problems);
            }
        }

        if (node.TryGetValue("items", out var items))
        {
            CheckNode(Map(items), path + "[]", problems);
        }
        else if ((string?)node.GetValueOrDefault("type") == "array")
        {
            problems.Add($"{path}: array without items");
        }
    }

    private static void CollectRequired(Dictionary<object, object> node, string path, List<string> required)
    {
        if (node.TryGetValue("required", out var names))
        {
            required.AddRange(Strings(names).Select(name => $"{path}.{name}"));
        }

        if (node.TryGetValue("properties", out var properties))
        {
            foreach (var (name, child) in Map(properties))
            {
                CollectRequired(Map(child), $"{path}.{name}", required);
            }
        }

        if (node.TryGetValue("items", out var items))
        {
            CollectRequired(Map(items), path, required);
        }
    }
}
