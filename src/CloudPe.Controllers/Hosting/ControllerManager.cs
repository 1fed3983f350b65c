using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudPe.Controllers;

/// <summary>
/// Hosted service that starts the shared informers, waits for their first list, and runs the controllers'
/// workers — only while holding the leader Lease when leader election is enabled. On shutdown it stops
/// taking work, lets in-flight reconciles finish within the grace period, cancels the rest, then releases
/// the Lease so another instance takes over at once.
/// </summary>
public sealed partial class ControllerManager : IHostedService, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly InformerRegistry _informers;
    private readonly KubeApi _api;
    private readonly ControllerManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ControllerManager> _logger;
    private readonly IReadOnlyList<IControllerRegistration> _registrations;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _informersStop = new();
    private List<IControllerRunner> _controllers = [];
    private Task? _run;
    private volatile bool _isLeader;
    private int _disposed;

    internal ControllerManager(
        IServiceProvider services,
        InformerRegistry informers,
        KubeApi api,
        IOptions<ControllerManagerOptions> options,
        TimeProvider time,
        ILogger<ControllerManager> logger,
        IEnumerable<IControllerRegistration> registrations)
    {
        _services = services;
        _informers = informers;
        _api = api;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _registrations = [.. registrations];
    }

    /// <summary>Whether this instance currently runs workers (always true without leader election once started).</summary>
    public bool IsLeader => _isLeader;

    internal IReadOnlyList<IControllerRunner> Controllers => _controllers;

    /// <summary>Completes when every informer cache has finished its first list.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) => _informers.WaitForSyncAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Handlers are wired before informers start so the first list already enqueues keys.
        _controllers = [.. _registrations.Select(r => r.Create(_services))];
        _run = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Registered both as itself and as IHostedService, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _informersStop.Cancel();
        foreach (var controller in _controllers.OfType<IDisposable>())
        {
            controller.Dispose();
        }

        _stopping.Dispose();
        _informersStop.Dispose();
    }

    private async Task RunAsync()
    {
        var informers = _informers.RunAsync(_informersStop.Token);
        try
        {
            await _informers.WaitForSyncAsync(_stopping.Token).ConfigureAwait(false);
            LogSynced(_logger, _controllers.Count);
            if (_options.LeaderElection.Enabled)
            {
                await RunElectedAsync().ConfigureAwait(false);
            }
            else
            {
                await RunControllersAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped before the caches synced.
        }
        finally
        {
            await _informersStop.CancelAsync().ConfigureAwait(false);
            await informers.ConfigureAwait(false);
        }
    }

    private async Task RunElectedAsync()
    {
        var election = _options.LeaderElection;
        var leaseLock = new LeaseLock(_api.Client, election.LeaseNamespace, election.LeaseName, election.Identity);
        var config = new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = election.LeaseDuration,
            RenewDeadline = election.RenewDeadline,
            RetryPeriod = election.RetryPeriod,
        };

        while (!_stopping.IsCancellationRequested)
        {
            using var elector = new LeaderElector(config);
            using var lost = new CancellationTokenSource();
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            elector.OnStartedLeading += () => started.TrySetResult();
            elector.OnStoppedLeading += () =>
            {
                if (!_stopping.IsCancellationRequested)
                {
                    lost.Cancel();
                }
            };
            elector.OnError += e => LogElectionError(_logger, e);

            var electing = elector.RunUntilLeadershipLostAsync(_stopping.Token);
            await Task.WhenAny(electing, started.Task).ConfigureAwait(false);
            if (started.Task.IsCompleted)
            {
                LogLeading(_logger, election.Identity, election.LeaseNamespace, election.LeaseName);
                var workers = RunControllersAsync(lost.Token);
                await IgnoreFailureAsync(electing).ConfigureAwait(false);
                if (!_stopping.IsCancellationRequested)
                {
                    LogLostLease(_logger, election.Identity);
                    await lost.CancelAsync().ConfigureAwait(false);
                }

                await workers.ConfigureAwait(false);
            }
            else
            {
                await IgnoreFailureAsync(electing).ConfigureAwait(false);
                await DelayUnlessStoppingAsync(election.RetryPeriod).ConfigureAwait(false);
            }

            if (_stopping.IsCancellationRequested && started.Task.IsCompleted)
            {
                await ReleaseAsync(leaseLock, election.Identity).ConfigureAwait(false);
            }
        }
    }

    private async Task RunControllersAsync(CancellationToken leadershipLost)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(leadershipLost);
        using var stopTaking = CancellationTokenSource.CreateLinkedTokenSource(leadershipLost, _stopping.Token);
        _isLeader = true;
        try
        {
            var all = Task.WhenAll(_controllers.Select(c => c.RunAsync(stopTaking.Token, abort.Token)));
            await Task.WhenAny(all, Task.Delay(Timeout.InfiniteTimeSpan, _time, stopTaking.Token)).ConfigureAwait(false);
            if (!all.IsCompleted && !leadershipLost.IsCancellationRequested)
            {
                // Shutdown: give in-flight reconciles the grace period before cancelling them.
                await Task.WhenAny(all, Task.Delay(_options.ShutdownGracePeriod, _time, CancellationToken.None)).ConfigureAwait(false);
            }

            await abort.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
        finally
        {
            _isLeader = false;
        }
    }

    private async Task ReleaseAsync(LeaseLock leaseLock, string identity)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var record = await leaseLock.GetAsync(timeout.Token).ConfigureAwait(false);
            if (record?.HolderIdentity != identity)
            {
                return;
            }

            // An empty (not null) holder makes other electors take the Lease at their next retry.
            var now = _time.GetUtcNow().UtcDateTime;
            record.HolderIdentity = "";
            record.LeaseDurationSeconds = 1;
            record.AcquireTime = now;
            record.RenewTime = now;
            await leaseLock.UpdateAsync(record, timeout.Token).ConfigureAwait(false);
            LogReleased(_logger, identity);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReleaseFailed(_logger, e);
        }
    }

    private async Task DelayUnlessStoppingAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or k8s.Autorest.HttpOperationException or KubernetesApiException)
        {
            // Election ended by shutdown or an API failure; the loop decides what happens next.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Informer caches synced; {Count} controllers ready")]
    private static partial void LogSynced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader (Lease {Namespace}/{Name}); starting workers")]
    private static partial void LogLeading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost the leader Lease; stopping workers")]
    private static partial void LogLostLease(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released the leader Lease")]
    private static partial void LogReleased(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the leader Lease failed; another instance takes over when it expires")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election error")]
    private static partial void LogElectionError(ILogger logger, Exception exception);
}
