using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>Cache keys and request keys of Kubernetes objects.</summary>
internal static class ObjectKey
{
    public static string Of(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    public static string Of(IKubernetesObject<V1ObjectMeta> obj) => Of(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? "");

    /// <summary>Whether a cache key is of an object in <paramref name="namespace"/> (null: every key), without slicing it.</summary>
    public static bool InNamespace(string key, string? @namespace) =>
        @namespace is null
        || (key.Length > @namespace.Length && key[@namespace.Length] == '/' && key.StartsWith(@namespace, StringComparison.Ordinal));

    /// <summary>The request for a cache key: names never contain a slash, so the first one separates the namespace.</summary>
    public static ReconcileRequest RequestOf(string key) =>
        key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? new(key[..slash], key[(slash + 1)..]) : new(null, key);

    public static ReconcileRequest Request(IKubernetesObject<V1ObjectMeta> obj) =>
        new(string.IsNullOrEmpty(obj.Metadata?.NamespaceProperty) ? null : obj.Metadata.NamespaceProperty, obj.Metadata?.Name ?? "");
}
