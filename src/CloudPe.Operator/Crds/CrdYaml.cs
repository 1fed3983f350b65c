using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CloudPe.Operator.Crds;

/// <summary>Writes a tree of dictionaries, lists and scalars as YAML in the usual Kubernetes manifest style.</summary>
internal static class CrdYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Write(object document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // One line per description (no folding) keeps diffs of the checked-in files readable.
        var settings = new EmitterSettings(
            bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024,
            skipAnchorName: false, indentSequences: true, newLine: "\n");
        Serializer.Serialize(new Emitter(writer, settings), document);
        return writer.ToString();
    }
}
