using CloudPe.Operator.Crds;
using Xunit;

namespace CloudPe.Operator.Tests.Crds;

public sealed class GenerateCrdsCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cloudpe-crds-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Writes_crds_to_output_dirs_and_a_kustomization_to_kustomize_dirs()
    {
        var plain = Path.Combine(dir, "chart", "crds");
        var kustomize = Path.Combine(dir, "config", "crd");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = GenerateCrdsCommand.Run(["--output-dir", plain, "--kustomize-dir", kustomize], output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        Assert.Equal(
            ["cloudpe.io_cloudpeservers.yaml", "cloudpe.io_cloudpevms.yaml"],
            Directory.GetFiles(plain).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Kustomization", "cloudpe.io_cloudpeservers.yaml", "cloudpe.io_cloudpevms.yaml"],
            Directory.GetFiles(kustomize).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var crd in CrdGenerator.GenerateCrds())
        {
            Assert.Equal(crd.Content, File.ReadAllText(Path.Combine(plain, crd.FileName)));
        }
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = CrdGenerator.GenerateCrds().Select(f => f.Content);
        var second = CrdGenerator.GenerateCrds().Select(f => f.Content);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Unknown_argument_is_refused_with_usage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = GenerateCrdsCommand.Run(["--bogus"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("--output-dir", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Verb_is_recognised_only_as_the_first_argument()
    {
        Assert.True(GenerateCrdsCommand.Matches(["generate-crds"]));
        Assert.False(GenerateCrdsCommand.Matches([]));
        Assert.False(GenerateCrdsCommand.Matches(["--x", "generate-crds"]));
    }
}
