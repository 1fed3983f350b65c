using System.Net;
using System.Net.Sockets;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>A loopback TCP port that answers every connection with binary garbage, or never answers at all.</summary>
internal sealed class UnhelpfulEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;

    public UnhelpfulEndpoint(bool garbage)
    {
        _listener.Start();
        _loop = AcceptAsync(garbage);
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public long Connections { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(bool garbage)
    {
        var junk = new byte[] { 0x16, 0x03, 0x01, 0xff, 0x00, 0x7f, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0x0d, 0x0a, 0xde, 0xad, 0xbe, 0xef };
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Connections++;
            if (garbage)
            {
                using (client)
                {
                    try
                    {
                        await client.GetStream().WriteAsync(junk, _stop.Token);
                    }
                    catch (IOException)
                    {
                        // The client gave up first.
                    }
                }
            }
            else
            {
                _held.Add(client);
            }
        }
    }
}
