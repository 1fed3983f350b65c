using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Discovery;

/// <summary>Legacy (<c>APIVersions</c>, <c>APIGroupList</c>, <c>APIResourceList</c>) and aggregated v2 discovery bodies.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry)
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in registry.GroupVersions())
        {
            if (group.Length > 0)
            {
                groups.Add(Group(group, versions));
            }
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var entry = registry.GroupVersions().FirstOrDefault(g => g.Group == group);
        if (entry.Versions is null)
        {
            return null;
        }

        var g = Group(group, entry.Versions);
        g["kind"] = "APIGroup";
        g["apiVersion"] = "v1";
        return g;
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        var list = new JsonArray();
        foreach (var v in versions)
        {
            list.Add(new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var r in types)
        {
            var e = new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Singular,
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = Verbs(r),
            };
            AddNames(e, r);

            resources.Add(e);
            foreach (var sub in Subresources(r))
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{r.Plural}/{sub.Name}",
                    ["singularName"] = "",
                    ["namespaced"] = r.Namespaced,
                    ["group"] = sub.Group,
                    ["version"] = sub.Version,
                    ["kind"] = sub.Kind,
                    ["verbs"] = new JsonArray(sub.Verbs.Select(v => (JsonNode?)v).ToArray()),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>An <c>APIGroupDiscoveryList</c> for <c>/api</c> (core only) or <c>/apis</c>.</summary>
    public static JsonObject Aggregated(ResourceRegistry registry, bool core, string version)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in registry.GroupVersions())
        {
            if ((group.Length == 0) != core)
            {
                continue;
            }

            var versionList = new JsonArray();
            foreach (var v in versions)
            {
                var resources = new JsonArray();
                foreach (var r in registry.All.Where(r => r.Group == group && r.Version == v))
                {
                    var e = new JsonObject
                    {
                        ["resource"] = r.Plural,
                        ["responseKind"] = Gvk(group, v, r.Kind),
                        ["scope"] = r.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = r.Singular,
                        ["verbs"] = Verbs(r),
                    };
                    AddNames(e, r);

                    var subs = new JsonArray();
                    foreach (var sub in Subresources(r))
                    {
                        subs.Add(new JsonObject
                        {
                            ["subresource"] = sub.Name,
                            ["responseKind"] = Gvk(sub.Group, sub.Version, sub.Kind),
                            ["verbs"] = new JsonArray(sub.Verbs.Select(x => (JsonNode?)x).ToArray()),
                        });
                    }

                    if (subs.Count > 0)
                    {
                        e["subresources"] = subs;
                    }

                    resources.Add(e);
                }

                versionList.Add(new JsonObject { ["version"] = v, ["resources"] = resources, ["freshness"] = "Current" });
            }

            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null }, ["versions"] = versionList });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/" + version,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static void AddNames(JsonObject entry, ResourceType r)
    {
        if (r.ShortNames.Count > 0)
        {
            entry["shortNames"] = new JsonArray(r.ShortNames.Select(s => (JsonNode?)s).ToArray());
        }

        if (r.Categories.Count > 0)
        {
            entry["categories"] = new JsonArray(r.Categories.Select(s => (JsonNode?)s).ToArray());
        }
    }

    private static JsonObject Gvk(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonArray Verbs(ResourceType r) =>
        r.CreateOnly ? new JsonArray("create") : new JsonArray(AllVerbs.Select(v => (JsonNode?)v).ToArray());

    private sealed record Sub(string Name, string Group, string Version, string Kind, string[] Verbs);

    private static IEnumerable<Sub> Subresources(ResourceType r)
    {
        if (r.HasStatus)
        {
            yield return new Sub("status", r.Group, r.Version, r.Kind, ["get", "patch", "update"]);
        }

        if (r.Group.Length == 0 && r.Plural == "serviceaccounts")
        {
            yield return new Sub("token", "authentication.k8s.io", "v1", "TokenRequest", ["create"]);
        }
    }
}
