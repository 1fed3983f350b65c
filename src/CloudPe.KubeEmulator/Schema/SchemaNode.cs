using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>One compiled node of a structural schema; immutable once <see cref="SchemaCompiler"/> returns.</summary>
internal sealed class SchemaNode
{
    public string? Type { get; set; }

    public bool Nullable { get; set; }

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);

    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary>additionalProperties: true — any value is kept under any key.</summary>
    public bool AdditionalPropertiesAny { get; set; }

    public SchemaNode? Items { get; set; }

    public List<string> Required { get; } = [];

    public List<JsonNode?>? Enum { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public long? MinLength { get; set; }

    public long? MaxLength { get; set; }

    public long? MinItems { get; set; }

    public long? MaxItems { get; set; }

    public long? MinProperties { get; set; }

    public long? MaxProperties { get; set; }

    public Regex? Pattern { get; set; }

    public string? PatternSource { get; set; }

    public string? Format { get; set; }

    public bool IntOrString { get; set; }

    public bool PreserveUnknownFields { get; set; }

    public bool EmbeddedResource { get; set; }

    public JsonNode? Default { get; set; }

    public List<ValidationRule> Rules { get; } = [];

    public string? ListType { get; set; }

    public List<string> ListMapKeys { get; } = [];

    public double? MultipleOf { get; set; }

    public List<SchemaNode> AllOf { get; } = [];

    public List<SchemaNode> AnyOf { get; } = [];

    public List<SchemaNode> OneOf { get; } = [];

    public SchemaNode? Not { get; set; }

    /// <summary>The root of a resource schema: apiVersion, kind and metadata are implicit there.</summary>
    public bool IsResourceRoot { get; set; }

    /// <summary>The schema type name used in messages ("object", "string", ...).</summary>
    public string TypeName => Type ?? (IntOrString ? "integer,string" : string.Empty);

    public SchemaNode? ChildFor(string key) =>
        Properties.TryGetValue(key, out var property) ? property : AdditionalProperties;
}
