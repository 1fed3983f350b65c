using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Schema;

namespace CloudPe.KubeEmulator.Registry;

/// <summary>Compiles a CRD version's structural schema (pruning, defaults, validation, CEL) for use on every write.</summary>
internal static class SchemaCompiler
{
    /// <summary>Throws <see cref="InvalidOperationException"/> with the compiler's message when the schema is unusable.</summary>
    public static CustomResourceSchema? Compile(JsonNode? openApiV3Schema)
    {
        if (openApiV3Schema is null)
        {
            return null;
        }

        CrdSchema compiled;
        try
        {
            compiled = CrdSchema.Compile(openApiV3Schema.DeepClone());
        }
        catch (CrdSchemaException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }

        return new CustomResourceSchema((obj, old) =>
            compiled.Apply(obj, old).Select(e => new SchemaFieldError(e.Field, e.Type, e.Message)).ToList());
    }
}
