using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Checks a CustomResourceDefinition, compiles its schemas and fills the status a real server reports.</summary>
internal static class CrdRules
{
    public static IReadOnlyList<ResourceType> Validate(ResourceType crdType, JsonObject crd)
    {
        var name = (string?)crd["metadata"]?["name"] ?? "";
        var spec = crd["spec"] as JsonObject;
        var group = (string?)spec?["group"] ?? "";
        var plural = (string?)spec?["names"]?["plural"] ?? "";
        var errors = new List<SchemaFieldError>();
        if (name != $"{plural}.{group}")
        {
            errors.Add(new("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        }

        if (spec?["names"]?["kind"] is null)
        {
            errors.Add(new("spec.names.kind", "FieldValueRequired", "Required value"));
        }

        var versions = spec?["versions"] as JsonArray;
        if (versions is not { Count: > 0 })
        {
            errors.Add(new("spec.versions", "FieldValueInvalid", "Invalid value: null: must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v?["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(new("spec.versions", "FieldValueInvalid", "Invalid value: " + versions.ToJsonString() + ": must have exactly one version marked as storage version"));
        }

        if (errors.Count > 0)
        {
            throw Statuses.Invalid(crdType, name, errors);
        }

        try
        {
            return ResourceRegistry.FromCrd(crd);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            throw Statuses.Invalid(crdType, name, "spec.validation.openAPIV3Schema", "FieldValueInvalid", ex.Message);
        }
    }

    public static void SetAcceptedStatus(JsonObject crd, string timestamp)
    {
        var spec = crd["spec"]!;
        var conditions = crd["status"]?["conditions"] as JsonArray;
        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = spec["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray(spec["versions"]!.AsArray()
                .Where(v => v?["storage"]?.GetValue<bool>() == true).Select(v => (JsonNode?)(string?)v!["name"]).ToArray()),
            ["conditions"] = conditions?.DeepClone() ?? new JsonArray(
                new JsonObject { ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts", ["message"] = "no conflicts found", ["lastTransitionTime"] = timestamp },
                new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted", ["message"] = "the initial names have been accepted", ["lastTransitionTime"] = timestamp }),
        };
    }
}
