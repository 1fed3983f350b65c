namespace CloudPe.Controllers;

/// <summary>Overall rate limit: <c>qps</c> tokens a second, at most <c>burst</c> saved up.</summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _qps;
    private readonly double _burst;
    private double _tokens;
    private long _last;

    public TokenBucket(double qps, int burst, TimeProvider time)
    {
        _qps = qps;
        _burst = burst;
        _tokens = burst;
        _time = time;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token and returns how long the caller must wait until it is really available.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _qps));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }
}
