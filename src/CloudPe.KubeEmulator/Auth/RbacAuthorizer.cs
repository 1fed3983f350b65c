using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Storage;

namespace CloudPe.KubeEmulator.Auth;

/// <summary>Evaluates stored Roles, ClusterRoles and their bindings like the Kubernetes RBAC authoriser.</summary>
internal sealed class RbacAuthorizer(ObjectStore store)
{
    private const string Rbac = "rbac.authorization.k8s.io";

    public bool Allows(Identity identity, RequestAttributes a)
    {
        if (identity.IsAdmin)
        {
            return true;
        }

        lock (store.Gate)
        {
            foreach (var (_, crb) in store.List($"{Rbac}/clusterrolebindings", null))
            {
                if (Binds(crb, identity, "") && RoleAllows(crb, "", a))
                {
                    return true;
                }
            }

            if (a.Namespace is { Length: > 0 } ns)
            {
                foreach (var (_, rb) in store.List($"{Rbac}/rolebindings", ns))
                {
                    if (Binds(rb, identity, ns) && RoleAllows(rb, ns, a))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Binds(JsonObject binding, Identity identity, string bindingNamespace)
    {
        foreach (var s in binding["subjects"]?.AsArray() ?? [])
        {
            var kind = (string?)s?["kind"];
            var name = (string?)s?["name"];
            var matched = kind switch
            {
                "ServiceAccount" => identity.UserName == $"system:serviceaccount:{(string?)s?["namespace"] ?? bindingNamespace}:{name}",
                "User" => identity.UserName == name,
                "Group" => identity.Groups.Contains(name ?? ""),
                _ => false,
            };
            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    private bool RoleAllows(JsonObject binding, string ns, RequestAttributes a)
    {
        var roleKind = (string?)binding["roleRef"]?["kind"];
        var roleName = (string?)binding["roleRef"]?["name"] ?? "";
        var role = roleKind == "ClusterRole"
            ? store.Get($"{Rbac}/clusterroles", "", roleName)
            : store.Get($"{Rbac}/roles", ns, roleName);
        foreach (var rule in role?["rules"]?.AsArray() ?? [])
        {
            if (rule is JsonObject r && RuleAllows(r, a))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RuleAllows(JsonObject rule, RequestAttributes a)
    {
        if (!Contains(rule["verbs"], a.Verb) || !Contains(rule["apiGroups"], a.Group))
        {
            return false;
        }

        var resources = rule["resources"]?.AsArray().Select(x => (string?)x).ToList() ?? [];
        var resourceOk = resources.Any(r => r == "*" || r == a.ResourceWithSub
            || (a.Subresource is not null && r == $"*/{a.Subresource}"));
        if (!resourceOk)
        {
            return false;
        }

        var names = rule["resourceNames"]?.AsArray().Select(x => (string?)x).ToList();
        return names is not { Count: > 0 } || (a.Name is not null && names.Contains(a.Name));
    }

    private static bool Contains(JsonNode? list, string value) =>
        list is JsonArray arr && arr.Any(x => (string?)x == "*" || (string?)x == value);
}
