namespace CloudPe.OpenStack.Identity;

/// <summary>
/// Holds the connection's token until it is due for renewal, renews it single-flight (concurrent callers share one
/// Keystone request) and drops it when the cloud rejects it.
/// </summary>
internal sealed class TokenCache : IDisposable
{
    private readonly Func<CancellationToken, Task<AuthToken>> _authenticate;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthToken? _current;

    public TokenCache(Func<CancellationToken, Task<AuthToken>> authenticate, TimeProvider time)
    {
        _authenticate = authenticate;
        _time = time;
    }

    public AuthToken? Current => Volatile.Read(ref _current);

    public async ValueTask<AuthToken> GetAsync(CancellationToken cancellationToken)
    {
        var token = Current;
        if (token is not null && IsFresh(token))
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = Current;
            if (token is not null && IsFresh(token))
            {
                return token;
            }

            token = await _authenticate(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, token);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the token unless another caller already replaced it.</summary>
    public void Invalidate(AuthToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(AuthToken token) => _time.GetUtcNow() < token.RenewAt;
}
