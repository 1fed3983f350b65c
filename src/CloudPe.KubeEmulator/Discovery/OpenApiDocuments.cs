using System.Globalization;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Discovery;

/// <summary>
/// OpenAPI v3 index and per group-version documents: enough for kubectl's server-side field validation
/// decision (a patch operation with a <c>fieldValidation</c> parameter) and for <c>kubectl explain</c>.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Index(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.GroupVersions())
        {
            foreach (var v in versions)
            {
                var p = group.Length == 0 ? "api/v1" : $"apis/{group}/{v}";
                var hash = ((ulong)HashCode.Combine(p, registry.Generation)).ToString("X16", CultureInfo.InvariantCulture);
                paths[p] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{p}?hash={hash}" };
            }
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? GroupVersion(ResourceRegistry registry, string group, string version, string kubernetesVersion)
    {
        var types = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var r in types)
        {
            var schemaName = SchemaName(r);
            var schema = r.OpenApiSchema?.DeepClone().AsObject() ?? new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"{r.Kind} is stored by the emulator without a schema.",
                ["x-kubernetes-preserve-unknown-fields"] = true,
                ["properties"] = new JsonObject
                {
                    ["apiVersion"] = new JsonObject { ["type"] = "string", ["description"] = "APIVersion defines the versioned schema of this representation of an object." },
                    ["kind"] = new JsonObject { ["type"] = "string", ["description"] = "Kind is a string value representing the REST resource this object represents." },
                    ["metadata"] = new JsonObject { ["type"] = "object", ["description"] = "Standard object's metadata.", ["x-kubernetes-preserve-unknown-fields"] = true },
                },
            };
            var gvk = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = r.Kind };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
            schemas[schemaName] = schema;

            var basePath = group.Length == 0 ? "/api/v1" : $"/apis/{group}/{version}";
            var itemPath = basePath + (r.Namespaced ? "/namespaces/{namespace}/" : "/") + r.Plural + "/{name}";
            if (r.CreateOnly)
            {
                paths[basePath + "/" + r.Plural] = new JsonObject { ["post"] = Operation("create", r, gvk, schemaName) };
                continue;
            }

            paths[itemPath] = new JsonObject
            {
                ["get"] = Operation("read", r, gvk, schemaName),
                ["put"] = Operation("replace", r, gvk, schemaName),
                ["patch"] = Operation("patch", r, gvk, schemaName),
                ["delete"] = Operation("delete", r, gvk, schemaName),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = kubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static string SchemaName(ResourceType r)
    {
        if (r.Group.Length == 0)
        {
            return $"io.k8s.api.core.{r.Version}.{r.Kind}";
        }

        var reversed = string.Join('.', r.Group.Split('.').Reverse());
        return $"{reversed}.{r.Version}.{r.Kind}";
    }

    private static JsonObject Operation(string action, ResourceType r, JsonObject gvk, string schemaName)
    {
        var parameters = new JsonArray();
        foreach (var p in new[] { "dryRun", "fieldManager", "fieldValidation", "force" })
        {
            parameters.Add(new JsonObject { ["name"] = p, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } });
        }

        return new JsonObject
        {
            ["operationId"] = action + r.Kind,
            ["x-kubernetes-action"] = action == "read" ? "get" : action,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject
                    {
                        ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName } },
                    },
                },
            },
        };
    }
}
