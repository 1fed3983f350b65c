namespace CloudPe.Controllers;

/// <summary>
/// Moves one object one step toward its desired state. Called with a key only (level-triggered):
/// read the object from <see cref="IResourceCache{T}"/>; it may be gone. Never called twice at once
/// for the same key. Throwing retries the key with exponential back-off;
/// <see cref="TerminalReconcileException"/> stops retries until the object changes.
/// </summary>
/// <typeparam name="TResource">The primary resource type of the controller.</typeparam>
public interface IReconciler<TResource>
{
    /// <summary>Reconciles the object named by <paramref name="request"/>.</summary>
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}
