using CloudPe.KubeEmulator.Auth;
using CloudPe.KubeEmulator.Lifecycle;
using CloudPe.KubeEmulator.Registry;
using CloudPe.KubeEmulator.Storage;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Everything one emulator instance holds.</summary>
internal sealed class EmulatorState : IAsyncDisposable
{
    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Store = new ObjectStore(options.WatchHistorySize);
        Collector = new GarbageCollector(Store, options.TimeProvider, options.GarbageCollectionDelay);
        Writes = new WriteService(Store, Registry, options.TimeProvider, Collector);
        Reads = new ReadService(Store, options.TimeProvider);
        Watches = new WatchStreamer(Store, options);
        Authorizer = new RbacAuthorizer(Store);
        Admin = new EmulatorAdmin(Store);
    }

    public EmulatorOptions Options { get; }

    public ObjectStore Store { get; }

    public ResourceRegistry Registry { get; } = new();

    public TokenRegistry Tokens { get; } = new();

    public RbacAuthorizer Authorizer { get; }

    public GarbageCollector Collector { get; }

    public WriteService Writes { get; }

    public ReadService Reads { get; }

    public WatchStreamer Watches { get; }

    public EmulatorAdmin Admin { get; }

    public string ServerAddress { get; set; } = "127.0.0.1:0";

    public ValueTask DisposeAsync() => Collector.DisposeAsync();
}
