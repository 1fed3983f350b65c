namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>
/// Reads until a condition holds, with a deadline and a short pause between reads, so a real cloud's
/// single-worker APIs are not hammered (the simulator's zero-latency states usually hold at the first read).
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>A real cloud boots in ~15 s idle and much slower under load.</summary>
    public static TimeSpan DefaultDeadline => CloudTarget.IsRealCloud ? TimeSpan.FromMinutes(3) : TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? deadline = null, TimeSpan? pause = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            var value = await read(ct);
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException(describe(value));
            }

            await Task.Delay(pause ?? Pause, ct);
        }
    }
}
