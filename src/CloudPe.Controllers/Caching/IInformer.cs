namespace CloudPe.Controllers;

/// <summary>The type-independent face of an informer, for starting it and waiting for its first list.</summary>
internal interface IInformer
{
    Type ResourceType { get; }

    bool HasSynced { get; }

    Task RunAsync(CancellationToken cancellationToken);

    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
