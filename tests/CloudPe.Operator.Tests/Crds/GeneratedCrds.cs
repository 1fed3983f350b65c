using CloudPe.Operator.Crds;
using Xunit;
using YamlDotNet.Serialization;

namespace CloudPe.Operator.Tests.Crds;

/// <summary>The generated CRD manifests parsed back from YAML, for asserting on what the API server would get.</summary>
internal static class GeneratedCrds
{
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Files = new(CrdGenerator.GenerateCrds);

    public static IReadOnlyList<GeneratedFile> All => Files.Value;

    public static Dictionary<object, object> Parse(string yaml) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);

    public static Dictionary<object, object> Crd(string fileName) =>
        Parse(All.Single(f => f.FileName == fileName).Content);

    /// <summary>The openAPIV3Schema of the single version of the CRD.</summary>
    public static Dictionary<object, object> Schema(string fileName) =>
        Map(Map(Version(fileName)["schema"])["openAPIV3Schema"]);

    public static Dictionary<object, object> Version(string fileName) =>
        Map(((List<object>)Map(Crd(fileName)["spec"])["versions"]).Single());

    /// <summary>The schema node at a dotted property path, e.g. "spec.volume.sizeGiB".</summary>
    public static Dictionary<object, object> Property(string fileName, string path)
    {
        var node = Schema(fileName);
        foreach (var name in path.Split('.'))
        {
            var properties = Map(node["properties"]);
            Assert.True(properties.ContainsKey(name), $"{fileName}: no property '{name}' in '{path}'");
            node = Map(properties[name]);
        }

        return node;
    }

    public static Dictionary<object, object> Map(object value) => Assert.IsType<Dictionary<object, object>>(value);

    public static IReadOnlyList<string> Strings(object value) =>
        Assert.IsType<List<object>>(value).Select(v => Assert.IsType<string>(v)).ToList();

    public static IReadOnlyList<(string Rule, string? Message)> Rules(Dictionary<object, object> node) =>
        node.TryGetValue("x-kubernetes-validations", out var rules)
            ? ((List<object>)rules).Select(Map).Select(r => ((string)r["rule"], r.GetValueOrDefault("message") as string)).ToList()
            : [];
}
