using System.Threading.Channels;

namespace CloudPe.KubeEmulator.Storage;

/// <summary>An open watch: receives committed events of one bucket (optionally one namespace).</summary>
internal sealed class WatchSubscription(string bucket, string? ns) : IDisposable
{
    private readonly CancellationTokenSource _closed = new();

    public string Bucket { get; } = bucket;

    public string? Namespace { get; } = ns;

    public Channel<WatchEvent> Events { get; } = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when the emulator cuts the stream (admin close-watches, shutdown).</summary>
    public CancellationToken Closed => _closed.Token;

    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished on its own.
        }
    }

    public void Dispose() => _closed.Dispose();
}
