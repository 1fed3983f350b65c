using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Registry;

/// <summary>A compiled structural schema: prunes, defaults and validates custom objects in place.</summary>
internal sealed class CustomResourceSchema(Func<JsonObject, JsonObject?, IReadOnlyList<SchemaFieldError>> apply)
{
    public IReadOnlyList<SchemaFieldError> Apply(JsonObject obj, JsonObject? oldObj) => apply(obj, oldObj);
}
