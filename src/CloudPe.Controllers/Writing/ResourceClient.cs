using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>
/// Writes for one resource type: create, patch, delete, finalizers (with a resourceVersion precondition and
/// retry on conflict) and create-or-update of owned objects that only writes when something differs.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const int ConflictRetries = 5;
    private static readonly ResourceMetadata Resource = ResourceMetadata.Of<T>();
    private readonly KubeApi _api;
    private readonly OwnWrites? _ownWrites;

    /// <summary>Creates a client using the connection of <paramref name="client"/> (must be a <see cref="Kubernetes"/>).</summary>
    public ResourceClient(IKubernetes client)
        : this(client, null)
    {
    }

    /// <summary>As <see cref="ResourceClient{T}(IKubernetes)"/>; patches are recorded in <paramref name="ownWrites"/>.</summary>
    public ResourceClient(IKubernetes client, OwnWrites? ownWrites)
    {
        _api = new KubeApi(client as Kubernetes ?? throw new ArgumentException("A k8s.Kubernetes client is required.", nameof(client)));
        _ownWrites = ownWrites;
    }

    /// <summary>Reads the object from the API server (not the cache); null when it does not exist.</summary>
    public async Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _api.SendAsync<T>(HttpMethod.Get, Resource.ObjectPath(@namespace, name), null, "application/json", cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (KubeApi.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Creates the object in its namespace.</summary>
    public Task<T> CreateAsync(T resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.ApiVersion ??= Resource.ApiVersion;
        resource.Kind ??= Resource.Kind;
        var body = JsonNode.Parse(KubernetesJson.Serialize(resource));
        return _api.SendAsync<T>(HttpMethod.Post, Resource.CollectionPath(resource.Metadata.NamespaceProperty), body, "application/json", cancellationToken);
    }

    /// <summary>Applies a JSON merge patch (RFC 7386) to the object.</summary>
    public async Task<T> MergePatchAsync(string? @namespace, string name, JsonNode patch, CancellationToken cancellationToken = default)
    {
        var patched = await _api.SendAsync<T>(HttpMethod.Patch, Resource.ObjectPath(@namespace, name), patch, KubeApi.MergePatch, cancellationToken).ConfigureAwait(false);
        var based = patch["metadata"]?["resourceVersion"]?.GetValue<string>();
        _ownWrites?.Record(Resource.Kind, @namespace, name, based, patched.Metadata.ResourceVersion);
        return patched;
    }

    /// <summary>Deletes the object; returns false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _api.SendAsync(HttpMethod.Delete, Resource.ObjectPath(@namespace, name), null, false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (KubeApi.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Adds <paramref name="finalizer"/> unless present; no write when it already is.</summary>
    public Task<T> EnsureFinalizerAsync(T resource, string finalizer, CancellationToken cancellationToken = default) =>
        EnsureFinalizerAsync(resource, finalizer, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// Adds <paramref name="finalizer"/> (unless present) and sets <paramref name="annotations"/> (those that differ) in
    /// one merge patch with a resourceVersion precondition; no write when nothing differs.
    /// </summary>
    public Task<T> EnsureFinalizerAsync(T resource, string finalizer, IReadOnlyDictionary<string, string> annotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return PatchMetadataAsync(
            resource,
            current =>
            {
                var metadata = Finalizers(current, finalizer, add: true) ?? [];
                var changed = annotations.Where(a => current.Metadata.Annotations?.TryGetValue(a.Key, out var value) != true || value != a.Value).ToList();
                if (changed.Count > 0)
                {
                    metadata["annotations"] = new JsonObject(changed.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value))));
                }

                return metadata.Count == 0 ? null : metadata;
            },
            goneIsDone: false,
            cancellationToken);
    }

    /// <summary>Removes <paramref name="finalizer"/> if present; no write when it is not (or the object is gone).</summary>
    public Task<T> RemoveFinalizerAsync(T resource, string finalizer, CancellationToken cancellationToken = default) =>
        PatchMetadataAsync(resource, current => Finalizers(current, finalizer, add: false), goneIsDone: true, cancellationToken);

    /// <summary>
    /// Creates <paramref name="desired"/> with a controller ownerReference to <paramref name="owner"/>, without reading
    /// first; null (and no write) when an object of that name already exists. One request for an object the caller
    /// has good reason to think is new.
    /// </summary>
    public async Task<T?> CreateOwnedAsync(IKubernetesObject<V1ObjectMeta> owner, T desired, CancellationToken cancellationToken = default)
    {
        MakeOwned(owner, desired);
        try
        {
            return await CreateAsync(desired, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (KubeApi.IsConflict(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Makes the owned object look like <paramref name="desired"/> (top-level fields other than metadata and
    /// status, plus labels, annotations and a controller ownerReference to <paramref name="owner"/>), creating
    /// it when missing. Sends nothing when it already matches. A Secret's <c>stringData</c> is compared as <c>data</c>.
    /// </summary>
    public async Task<T> CreateOrUpdateOwnedAsync(IKubernetesObject<V1ObjectMeta> owner, T desired, CancellationToken cancellationToken = default)
    {
        MakeOwned(owner, desired);
        NormalizeStringData(desired);

        for (var attempt = 0; ; attempt++)
        {
            var existing = await GetAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    return await CreateAsync(desired, cancellationToken).ConfigureAwait(false);
                }

                var current = JsonNode.Parse(KubernetesJson.Serialize(existing))!.AsObject();
                var target = Overlay(current, JsonNode.Parse(KubernetesJson.Serialize(desired))!.AsObject());
                if (JsonMergePatch.Diff(current, target) is not JsonObject patch)
                {
                    return existing;
                }

                patch["metadata"] ??= new JsonObject();
                patch["metadata"]!["resourceVersion"] = existing.Metadata.ResourceVersion;
                return await MergePatchAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (KubeApi.IsConflict(e) && attempt < ConflictRetries)
            {
                // Someone else wrote (or created) it meanwhile: read again and retry.
            }
        }
    }

    /// <summary>The <c>metadata.finalizers</c> change that adds or removes <paramref name="finalizer"/>; null when none is needed.</summary>
    private static JsonObject? Finalizers(T current, string finalizer, bool add)
    {
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        var finalizers = current.Metadata.Finalizers?.ToList() ?? [];
        if (finalizers.Contains(finalizer) == add)
        {
            return null;
        }

        if (add)
        {
            finalizers.Add(finalizer);
        }
        else
        {
            finalizers.RemoveAll(f => f == finalizer);
        }

        return new JsonObject { ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]) };
    }

    /// <summary>
    /// Merge-patches the metadata change <paramref name="change"/> computes from the object (none when it returns null),
    /// with a resourceVersion precondition; on a conflict reads the object again and decides again. A gone object is
    /// done when <paramref name="goneIsDone"/> (removing a finalizer), else NotFound.
    /// </summary>
    private async Task<T> PatchMetadataAsync(T resource, Func<T, JsonObject?> change, bool goneIsDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var current = resource;
        for (var attempt = 0; ; attempt++)
        {
            if (change(current) is not { } metadata)
            {
                return current;
            }

            metadata["resourceVersion"] = current.Metadata.ResourceVersion;
            try
            {
                return await MergePatchAsync(current.Metadata.NamespaceProperty, current.Metadata.Name, new JsonObject { ["metadata"] = metadata }, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (goneIsDone && KubeApi.IsNotFound(e))
            {
                return current;
            }
            catch (KubernetesApiException e) when (KubeApi.IsConflict(e) && attempt < ConflictRetries)
            {
                // Stale resourceVersion: read the latest object and decide again.
                var fresh = await GetAsync(current.Metadata.NamespaceProperty, current.Metadata.Name, cancellationToken).ConfigureAwait(false);
                if (fresh is null)
                {
                    return goneIsDone ? current : throw new KubernetesApiException(System.Net.HttpStatusCode.NotFound, "NotFound", $"{Resource.Kind} {current.Metadata.Name} no longer exists.");
                }

                current = fresh;
            }
        }
    }

    private static JsonObject Overlay(JsonObject current, JsonObject desired)
    {
        var target = current.DeepClone().AsObject();
        foreach (var (key, value) in desired)
        {
            if (key is "metadata" or "status" or "apiVersion" or "kind")
            {
                continue;
            }

            target[key] = value?.DeepClone();
        }

        var targetMeta = target["metadata"] as JsonObject ?? [];
        target["metadata"] = targetMeta;
        var desiredMeta = desired["metadata"] as JsonObject ?? [];
        foreach (var map in new[] { "labels", "annotations" })
        {
            if (desiredMeta[map] is JsonObject wanted)
            {
                var merged = targetMeta[map] as JsonObject ?? [];
                foreach (var (key, value) in wanted)
                {
                    merged[key] = value?.DeepClone();
                }

                targetMeta[map] = merged;
            }
        }

        targetMeta["ownerReferences"] = desiredMeta["ownerReferences"]?.DeepClone();
        return target;
    }

    /// <summary>Puts <paramref name="desired"/> in its owner's namespace (unless it names one) under a controller ownerReference.</summary>
    private static void MakeOwned(IKubernetesObject<V1ObjectMeta> owner, T desired)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(desired);
        desired.Metadata ??= new V1ObjectMeta();
        desired.Metadata.NamespaceProperty ??= owner.Metadata.NamespaceProperty;
        desired.Metadata.OwnerReferences = [OwnerReferenceTo(owner)];
    }

    private static V1OwnerReference OwnerReferenceTo(IKubernetesObject<V1ObjectMeta> owner)
    {
        var ownerType = owner.GetType();
        var apiVersion = owner.ApiVersion;
        var kind = owner.Kind;
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            var meta = ResourceMetadata.Of(ownerType);
            apiVersion = meta.ApiVersion;
            kind = meta.Kind;
        }

        return new V1OwnerReference
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = owner.Metadata.Name,
            Uid = owner.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    private static void NormalizeStringData(T desired)
    {
        // The API server turns stringData into data; comparing data keeps an unchanged Secret write-free.
        if (desired is V1Secret { StringData: { Count: > 0 } stringData } secret)
        {
            secret.Data ??= new Dictionary<string, byte[]>();
            foreach (var (key, value) in stringData)
            {
                secret.Data[key] = Encoding.UTF8.GetBytes(value);
            }

            secret.StringData = null;
        }
    }
}
