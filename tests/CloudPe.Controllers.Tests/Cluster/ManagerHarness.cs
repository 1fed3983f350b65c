using Microsoft.Extensions.DependencyInjection;
using k8s;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>A <see cref="ControllerManager"/> for Widgets built the way an operator would build it.</summary>
internal sealed class ManagerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    public ManagerHarness(
        TestCluster cluster,
        IReconciler<Widget> reconciler,
        Action<ControllerOptions>? controller = null,
        Action<ControllerManagerOptions>? manager = null,
        Action<ControllerBuilder<Widget>>? wire = null,
        TimeProvider? time = null,
        bool compactCache = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IKubernetes>(cluster.Client);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(reconciler);
        if (Environment.GetEnvironmentVariable("CONTROLLERS_TEST_LOG") == "1")
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(new Microsoft.Extensions.Logging.LoggerFactory([new StderrLoggerProvider()]));
        }

        services.AddControllerRuntime(manager);
        if (compactCache)
        {
            services.AddCompactCache<Widget>();
        }

        var builder = services.AddController<Widget, ReconcilerAdapter>(controller);
        services.AddSingleton(sp => new ReconcilerAdapter(sp.GetRequiredService<IReconciler<Widget>>()));
        wire?.Invoke(builder);
        _services = services.BuildServiceProvider();
        Manager = _services.GetRequiredService<ControllerManager>();
    }

    public ControllerManager Manager { get; }

    public IServiceProvider Services => _services;

    public IResourceCache<Widget> Widgets => _services.GetRequiredService<IResourceCache<Widget>>();

    public WorkQueue<ReconcileRequest> Queue => ((Controller<Widget>)Manager.Controllers.Single()).Queue;

    public async Task StartAsync()
    {
        await Manager.StartAsync(CancellationToken.None);
        await Manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Manager.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }

    /// <summary>Lets one reconciler instance be registered under the runtime's concrete-type registration.</summary>
    internal sealed class ReconcilerAdapter(IReconciler<Widget> inner) : IReconciler<Widget>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
            inner.ReconcileAsync(request, cancellationToken);
    }
}
