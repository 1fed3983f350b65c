using System.Reflection;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>Where a resource type lives in the API (from its <see cref="KubernetesEntityAttribute"/>).</summary>
internal sealed record ResourceMetadata(string Group, string Version, string Kind, string Plural)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ResourceMetadata> Known = new();

    public static ResourceMetadata Of<T>() => Cached<T>.Value;

    /// <summary>Read once per type: attribute reads allocate and, repeated per write, kept the finalizer thread busy.</summary>
    public static ResourceMetadata Of(Type type) => Known.GetOrAdd(type, Read);

    private static ResourceMetadata Read(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute.");
        return new ResourceMetadata(entity.Group ?? "", entity.ApiVersion, entity.Kind, entity.PluralName);
    }

    private static class Cached<T>
    {
        public static readonly ResourceMetadata Value = Of(typeof(T));
    }

    /// <summary>Collection path, e.g. <c>apis/g/v/namespaces/ns/plural</c> or <c>api/v1/secrets</c>.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
        return @namespace is null
            ? $"{root}/{Plural}"
            : $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";
    }

    public string ObjectPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
}
