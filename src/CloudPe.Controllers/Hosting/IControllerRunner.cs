namespace CloudPe.Controllers;

/// <summary>A controller as the manager sees it.</summary>
internal interface IControllerRunner
{
    string Name { get; }

    /// <summary>Runs workers until <paramref name="stopTaking"/>; <paramref name="abort"/> cancels in-flight reconciles.</summary>
    Task RunAsync(CancellationToken stopTaking, CancellationToken abort);
}
