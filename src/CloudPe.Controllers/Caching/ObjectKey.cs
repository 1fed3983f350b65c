using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>Cache keys and request keys of Kubernetes objects.</summary>
internal static class ObjectKey
{
    public static string Of(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    public static string Of(IKubernetesObject<V1ObjectMeta> obj) => Of(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? "");

    public static ReconcileRequest Request(IKubernetesObject<V1ObjectMeta> obj) =>
        new(string.IsNullOrEmpty(obj.Metadata?.NamespaceProperty) ? null : obj.Metadata.NamespaceProperty, obj.Metadata?.Name ?? "");
}
