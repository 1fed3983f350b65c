namespace CloudPe.Operator.Cloud;

/// <summary>How the operator builds OpenStack connections (embedding and tests replace the network stack).</summary>
public sealed class CloudConnectionSettings
{
    /// <summary>
    /// Creates the HTTP handler of a new connection; null uses the client's own handler (with certificate
    /// checks and the CA bundle). The provider disposes the handler together with its connection.
    /// </summary>
    public Func<HttpMessageHandler>? HttpMessageHandlerFactory { get; init; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of an idempotent request before the error reaches the reconciler.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
}
