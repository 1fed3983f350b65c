namespace CloudPe.Controllers;

/// <summary>
/// Read-only view of every object of one type the informer watches. Reads never reach the API server.
/// Returned objects may be shared with every other reader (or, for a compact cache, decoded afresh on each read) and
/// MUST be treated as immutable: deep-copy (for example with <c>KubernetesJson</c> round-trip) before changing anything.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceCache<T>
    where T : class
{
    /// <summary>Whether the first full list has completed for every watched namespace.</summary>
    bool HasSynced { get; }

    /// <summary>The cached object, or <see langword="null"/> when it does not exist (or is out of scope).</summary>
    T? Get(string? @namespace, string name);

    /// <summary>All cached objects, or those of one namespace.</summary>
    IReadOnlyList<T> List(string? @namespace = null);

    /// <summary>Objects whose registered index <paramref name="indexName"/> yields <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No index of that name is registered for <typeparamref name="T"/>.</exception>
    IReadOnlyList<T> ListByIndex(string indexName, string value);

    /// <summary>
    /// Namespace and name of the objects whose index <paramref name="indexName"/> yields <paramref name="value"/>,
    /// without reading the objects themselves (cheap for a compact cache).
    /// </summary>
    /// <exception cref="ArgumentException">No index of that name is registered for <typeparamref name="T"/>.</exception>
    IReadOnlyList<ReconcileRequest> ListRequestsByIndex(string indexName, string value);

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
