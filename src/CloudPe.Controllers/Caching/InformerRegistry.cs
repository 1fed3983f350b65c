using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudPe.Controllers;

/// <summary>One shared informer per resource type, created on first use and started with the manager.</summary>
internal sealed class InformerRegistry
{
    private readonly ConcurrentDictionary<Type, IInformer> _informers = new();
    private readonly KubeApi _api;
    private readonly ControllerManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IReadOnlyList<InformerCustomization> _customizations;
    private readonly Lock _gate = new();
    private readonly List<Task> _running = [];
    private CancellationToken? _runToken;

    public InformerRegistry(
        KubeApi api,
        IOptions<ControllerManagerOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        IEnumerable<InformerCustomization> customizations)
    {
        _api = api;
        _options = options.Value;
        _time = time;
        _loggers = loggers;
        _customizations = [.. customizations];
    }

    public Informer<T> Get<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (_informers.TryGetValue(typeof(T), out var existing))
        {
            return (Informer<T>)existing;
        }

        lock (_gate)
        {
            if (_informers.TryGetValue(typeof(T), out existing))
            {
                return (Informer<T>)existing;
            }

            var mine = _customizations.Where(c => c.ResourceType == typeof(T)).ToList();
            var selector = mine.Select(c => c.LabelSelector).LastOrDefault(s => s is not null);
            var settings = new InformerSettings([.. _options.WatchNamespaces], selector, _options.WatchRetryMax);
            var informer = new Informer<T>(_api, settings, _time, _loggers.CreateLogger($"CloudPe.Controllers.Informer.{typeof(T).Name}"));
            if (mine.Any(c => c.Compact))
            {
                informer.Store.UseCompactStorage();
            }

            foreach (var customization in mine)
            {
                customization.Apply?.Invoke(informer.Store);
            }

            _informers[typeof(T)] = informer;
            if (_runToken is { } token)
            {
                _running.Add(informer.RunAsync(token));
            }

            return informer;
        }
    }

    /// <summary>The informer for <typeparamref name="T"/> if one exists; never creates one.</summary>
    public Informer<T>? TryGet<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
        => _informers.TryGetValue(typeof(T), out var informer) ? (Informer<T>)informer : null;

    /// <summary>Runs every informer (also those created later) until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runToken = cancellationToken;
            foreach (var informer in _informers.Values)
            {
                _running.Add(informer.RunAsync(cancellationToken));
            }
        }

        return WaitAllAsync(cancellationToken);
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_informers.Values.Select(i => i.WaitForSyncAsync(cancellationToken)));

    private async Task WaitAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: wait for the loops below.
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
