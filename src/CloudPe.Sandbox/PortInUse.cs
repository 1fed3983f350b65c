using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace CloudPe.Sandbox;

/// <summary>Recognises the "address already in use" failure that Kestrel wraps in an <see cref="IOException"/>.</summary>
internal static class PortInUse
{
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    public static string Message(int port, string option) =>
        $"port {port} is in use: pass {option} 0 for a free one or stop the other process";
}
