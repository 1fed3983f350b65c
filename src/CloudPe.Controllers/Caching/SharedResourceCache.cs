using k8s;
using k8s.Models;

namespace CloudPe.Controllers;

/// <summary>The dependency-injected <see cref="IResourceCache{T}"/>: the store of the shared informer for <typeparamref name="T"/>.</summary>
internal sealed class SharedResourceCache<T>(InformerRegistry informers) : IResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceStore<T> _store = informers.Get<T>().Store;

    public bool HasSynced => _store.HasSynced;

    public T? Get(string? @namespace, string name) => _store.Get(@namespace, name);

    public IReadOnlyList<T> List(string? @namespace = null) => _store.List(@namespace);

    public IReadOnlyList<T> ListByIndex(string indexName, string value) => _store.ListByIndex(indexName, value);

    public IReadOnlyList<ReconcileRequest> ListRequestsByIndex(string indexName, string value) => _store.ListRequestsByIndex(indexName, value);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _store.WaitForSyncAsync(cancellationToken);
}
