using CloudPe.Operator.Crds;
using Xunit;

namespace CloudPe.Operator.Tests.Crds;

public sealed class CheckedInCrdsTests
{
    private static string RepositoryRoot =>
        GenerateCrdsCommand.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("CloudPe.Operator.sln not found above " + AppContext.BaseDirectory);

    public static TheoryData<string, string> CheckedInFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in CrdGenerator.GenerateCrds())
        {
            data.Add("config/crd", file.FileName);
            data.Add("charts/cloudpe-operator/crds", file.FileName);
        }

        data.Add("config/crd", CrdGenerator.KustomizationFileName);
        return data;
    }

    [Theory]
    [MemberData(nameof(CheckedInFiles))]
    public void Checked_in_manifest_equals_what_the_types_generate(string dir, string fileName)
    {
        var expected = fileName == CrdGenerator.KustomizationFileName
            ? CrdGenerator.GenerateKustomization()
            : CrdGenerator.GenerateCrds().Single(f => f.FileName == fileName);
        var path = Path.Combine(RepositoryRoot, dir, fileName);

        // A checkout with CRLF line endings holds the same manifest.
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;

        Assert.True(
            actual == expected.Content,
            $"{dir}/{fileName} is {(actual is null ? "missing" : "out of date")}: it differs from what the C# types in " +
            $"src/CloudPe.Operator.Api generate. Regenerate it with: {CrdGenerator.RegenerateCommand}");
    }

    [Fact]
    public void Chart_crds_folder_holds_only_the_generated_crds()
    {
        // Helm installs every file of crds/ as is: a stale or extra file would be applied too.
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot, "charts", "cloudpe-operator", "crds"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(CrdGenerator.GenerateCrds().Select(f => f.FileName).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Kustomization_lists_every_crd_manifest()
    {
        var kustomization = GeneratedCrds.Parse(CrdGenerator.GenerateKustomization().Content);

        Assert.Equal("Kustomization", kustomization["kind"]);
        Assert.Equal(CrdGenerator.GenerateCrds().Select(f => f.FileName), GeneratedCrds.Strings(kustomization["resources"]));
    }
}
