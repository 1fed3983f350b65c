using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Schema;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

/// <summary>Compiles schemas and applies them to objects written as JSON text.</summary>
internal static class SchemaTestKit
{
    public static CrdSchema Compile(string schemaJson) => CrdSchema.Compile(JsonNode.Parse(schemaJson)!);

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Wraps a spec schema into a resource root schema.</summary>
    public static CrdSchema CompileSpec(string specSchemaJson) =>
        Compile("""{"type":"object","properties":{"spec":""" + specSchemaJson + "}}");

    public static IReadOnlyList<FieldError> ApplySpec(CrdSchema schema, string specJson, string? oldSpecJson = null) =>
        schema.Apply(Resource(specJson), oldSpecJson is null ? null : Resource(oldSpecJson));

    public static JsonObject Resource(string specJson) =>
        Object($$"""{"apiVersion":"cloudpe.io/v1alpha1","kind":"CloudPeVM","metadata":{"name":"web-01"},"spec":{{specJson}}}""");

    public static CrdSchemaException CompileFails(string schemaJson) =>
        Assert.Throws<CrdSchemaException>(() => Compile(schemaJson));

    public static FieldError Single(IReadOnlyList<FieldError> errors) =>
        Assert.Single(errors);
}
