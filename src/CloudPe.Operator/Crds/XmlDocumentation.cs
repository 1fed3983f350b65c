using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace CloudPe.Operator.Crds;

/// <summary>The <c>&lt;summary&gt;</c> texts of an assembly's XML documentation file, as plain one-line text.</summary>
internal sealed class XmlDocumentation
{
    private readonly Dictionary<string, string> summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => this.summaries = summaries;

    /// <summary>Loads the documentation file that the build puts next to the assembly.</summary>
    public static XmlDocumentation Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            // Without it every CRD description would silently vanish.
            throw new FileNotFoundException(
                $"XML documentation of {assembly.GetName().Name} not found; build with GenerateDocumentationFile=true.", path);
        }

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                summaries[name] = ToPlainText(summary);
            }
        }

        return new XmlDocumentation(summaries);
    }

    public string? For(Type type) => summaries.GetValueOrDefault("T:" + DocName(type));

    public string? For(PropertyInfo property) =>
        summaries.GetValueOrDefault("P:" + DocName(property.DeclaringType!) + "." + property.Name);

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');

    private static string ToPlainText(XElement summary)
    {
        var text = new StringBuilder();
        Append(summary, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    text.Append(ReferenceText(see));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append((string?)reference.Attribute("name"));
                    break;
                case XElement child:
                    text.Append(' ');
                    Append(child, text);
                    text.Append(' ');
                    break;
            }
        }
    }

    private static string ReferenceText(XElement see)
    {
        if (!see.IsEmpty)
        {
            return see.Value;
        }

        if ((string?)see.Attribute("langword") is { } word)
        {
            return word;
        }

        // "P:Namespace.Type.Member" reads as "Member".
        var cref = (string?)see.Attribute("cref") ?? "";
        var lastDot = cref.LastIndexOf('.');
        return lastDot >= 0 ? cref[(lastDot + 1)..] : cref;
    }
}
