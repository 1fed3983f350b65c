namespace CloudPe.KubeEmulator.Registry;

/// <summary>Built-in kinds, stored schema-less.</summary>
internal static class BuiltinResources
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Make("", "v1", "namespaces", "Namespace", false, ["ns"]) with { HasStatus = true },
        Make("", "v1", "secrets", "Secret", true, []),
        Make("", "v1", "configmaps", "ConfigMap", true, ["cm"]),
        Make("", "v1", "events", "Event", true, ["ev"]),
        Make("", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"]),
        Make("", "v1", "services", "Service", true, ["svc"], ["all"]) with { HasStatus = true },
        Make("", "v1", "pods", "Pod", true, ["po"], ["all"]) with { HasStatus = true },
        Make("events.k8s.io", "v1", "events", "Event", true, ["ev"]) with { StorageOverride = "/events" },
        Make("coordination.k8s.io", "v1", "leases", "Lease", true, []),
        Make("apps", "v1", "deployments", "Deployment", true, ["deploy"], ["all"]) with { HasStatus = true, HasGeneration = true },
        Make("rbac.authorization.k8s.io", "v1", "roles", "Role", true, []),
        Make("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, []),
        Make("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, []),
        Make("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, []),
        Make("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"], ["api-extensions"])
            with { HasStatus = true, HasGeneration = true },
        Make("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"]) with { HasStatus = true, HasGeneration = true },
        Make("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, []) with { CreateOnly = true },
    ];

    private static ResourceType Make(string group, string version, string plural, string kind, bool namespaced,
        string[] shortNames, string[]? categories = null) =>
        new(group, version, plural, kind.ToLowerInvariant(), kind, namespaced, shortNames, categories ?? []);
}
