using System.Reflection;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Registry;

/// <summary>
/// Binds to <c>CloudPe.KubeEmulator.Schema.CrdSchema</c> (compile + apply) when it is part of the assembly;
/// without it, custom objects are stored unvalidated.
/// </summary>
internal static class SchemaCompiler
{
    private static readonly Type? CrdSchemaType =
        typeof(SchemaCompiler).Assembly.GetType("CloudPe.KubeEmulator.Schema.CrdSchema");

    private static readonly MethodInfo? CompileMethod =
        CrdSchemaType?.GetMethod("Compile", BindingFlags.Public | BindingFlags.Static, [typeof(JsonNode)]);

    private static readonly MethodInfo? ApplyMethod =
        CrdSchemaType?.GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [typeof(JsonObject), typeof(JsonObject)]);

    public static bool Available => CompileMethod is not null && ApplyMethod is not null;

    /// <summary>Compiles a CRD version schema; throws <see cref="InvalidOperationException"/> with the compiler's message.</summary>
    public static CustomResourceSchema? Compile(JsonNode? openApiV3Schema)
    {
        if (openApiV3Schema is null || !Available)
        {
            return null;
        }

        object compiled;
        try
        {
            compiled = CompileMethod!.Invoke(null, [openApiV3Schema.DeepClone()])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException(ex.InnerException.Message, ex.InnerException);
        }

        return new CustomResourceSchema((obj, old) =>
        {
            object? result;
            try
            {
                result = ApplyMethod!.Invoke(compiled, [obj, old]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                return [new SchemaFieldError("<nil>", "FieldValueInvalid", ex.InnerException.Message)];
            }

            var errors = new List<SchemaFieldError>();
            foreach (var item in (System.Collections.IEnumerable?)result ?? Array.Empty<object>())
            {
                var t = item.GetType();
                errors.Add(new SchemaFieldError(
                    (string?)t.GetProperty("Field")?.GetValue(item) ?? "",
                    (string?)t.GetProperty("Type")?.GetValue(item) ?? "FieldValueInvalid",
                    (string?)t.GetProperty("Message")?.GetValue(item) ?? ""));
            }

            return errors;
        });
    }
}
