using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack;

/// <summary>
/// Shares one <see cref="OpenStackConnection"/> per distinct target (auth URL, credential, secret, region, interface),
/// so every reconcile of a CloudPeServer reuses its token and connection pool. A changed secret gives a new connection.
/// </summary>
public sealed class OpenStackConnectionFactory : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<OpenStackConnection>> _connections = new(StringComparer.Ordinal);
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _time;

    /// <summary>Creates the factory.</summary>
    public OpenStackConnectionFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _loggerFactory = loggerFactory;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The connection for these options, created on first use.</summary>
    public OpenStackConnection Get(OpenStackConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var key = KeyOf(options);
        return _connections.GetOrAdd(key, _ => new Lazy<OpenStackConnection>(() => new OpenStackConnection(options, _loggerFactory, _time))).Value;
    }

    /// <summary>Drops (and disposes) the connection for these options, e.g. when the CloudPeServer is deleted.</summary>
    public bool Remove(OpenStackConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_connections.TryRemove(KeyOf(options), out var connection) && connection.IsValueCreated)
        {
            connection.Value.Dispose();
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsValueCreated)
            {
                connection.Value.Dispose();
            }
        }

        _connections.Clear();
    }

    private static string KeyOf(OpenStackConnectionOptions options)
    {
        // The secret is part of the identity of a connection, but only as a hash: keys may show up in dumps.
        var secretHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.ApplicationCredentialSecret)));
        return string.Join('\n', options.AuthUrl.AbsoluteUri, options.ApplicationCredentialId, secretHash, options.Region ?? string.Empty, options.Interface, options.RequestTimeout.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
