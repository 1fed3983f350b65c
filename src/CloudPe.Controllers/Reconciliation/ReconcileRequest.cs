namespace CloudPe.Controllers;

/// <summary>The key of one object to reconcile; the reconciler reads the object itself from the cache.</summary>
/// <param name="Namespace">Namespace of the object, or <see langword="null"/> for cluster-scoped objects.</param>
/// <param name="Name">Name of the object.</param>
public readonly record struct ReconcileRequest(string? Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
