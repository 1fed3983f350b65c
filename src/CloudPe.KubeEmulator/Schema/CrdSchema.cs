using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// A compiled CRD openAPIV3Schema: prunes, defaults and validates objects (including CEL
/// x-kubernetes-validations) with the API server's semantics and error wording.
/// </summary>
public sealed class CrdSchema
{
    private readonly SchemaNode _root;

    private CrdSchema(SchemaNode root)
    {
        _root = root;
    }

    /// <summary>
    /// Compiles a schema. Throws <see cref="CrdSchemaException"/> listing every problem with its path,
    /// including CEL rules that are malformed or use anything outside the supported subset.
    /// </summary>
    public static CrdSchema Compile(JsonNode openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        return new CrdSchema(SchemaCompiler.Compile(openApiV3Schema));
    }

    /// <summary>
    /// Prunes unknown fields and applies defaults to <paramref name="obj"/> in place, then validates it.
    /// Pass the stored object as <paramref name="oldObj"/> on update so transition rules (oldSelf) run.
    /// metadata at the root is neither pruned, defaulted nor validated here.
    /// </summary>
    /// <returns>The validation errors; empty when the object is valid.</returns>
    public IReadOnlyList<FieldError> Apply(JsonObject obj, JsonObject? oldObj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        SchemaPruner.PruneValue(obj, _root);
        SchemaDefaulter.DefaultValue(obj, _root);
        return new SchemaValidator().ValidateValue(obj, oldObj, _root, FieldPath.Root);
    }
}
