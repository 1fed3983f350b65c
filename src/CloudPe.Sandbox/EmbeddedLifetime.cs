using Microsoft.Extensions.Hosting;

namespace CloudPe.Sandbox;

/// <summary>
/// Replaces the console lifetime of the embedded operator: the sandbox owns Ctrl+C and SIGTERM, so it can
/// stop the operator (releasing its Lease) before the servers the operator talks to.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
