using CloudPe.Controllers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CloudPe.Operator.Hosting;

/// <summary>Ready once the host has started and every informer cache finished its first list.</summary>
internal sealed class CacheSyncHealthCheck(ControllerManager manager, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("starting"));
        }

        // Only the current state matters: cancel the wait at once so probes leave no pending waits behind.
        using var probe = new CancellationTokenSource();
        var synced = manager.WaitForCacheSyncAsync(probe.Token).IsCompletedSuccessfully;
        probe.Cancel();
        return Task.FromResult(synced
            ? HealthCheckResult.Healthy($"caches synced; leader: {manager.IsLeader}")
            : HealthCheckResult.Unhealthy("informer caches not synced yet"));
    }
}
