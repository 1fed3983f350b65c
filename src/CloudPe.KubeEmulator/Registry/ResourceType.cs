using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Registry;

/// <summary>One served resource of one group version, built in or defined by a CRD.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories)
{
    public bool HasStatus { get; init; }

    /// <summary>Objects of this type carry <c>metadata.generation</c>.</summary>
    public bool HasGeneration { get; init; }

    /// <summary>Defined by a CustomResourceDefinition (strategic merge patch unsupported, deletes return the object).</summary>
    public bool IsCustom { get; init; }

    /// <summary>Only <c>create</c> is served (reviews, token requests).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>Objects are shared with another group version (events.k8s.io and core events).</summary>
    public string? StorageOverride { get; init; }

    public JsonArray? PrinterColumns { get; init; }

    public JsonNode? OpenApiSchema { get; init; }

    public CustomResourceSchema? Schema { get; init; }

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage key shared by every version of the resource.</summary>
    public string BucketKey => StorageOverride ?? $"{Group}/{Plural}";

    /// <summary>The <c>resource.group</c> form used in messages (<c>widgets.example.com</c>, <c>secrets</c>).</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The <c>Kind.group</c> form used in validation messages.</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
