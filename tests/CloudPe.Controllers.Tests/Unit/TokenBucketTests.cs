using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Controllers.Tests.Unit;

public sealed class TokenBucketTests
{
    [Fact]
    public void Burst_is_free_then_tokens_refill_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 10, burst: 2, time);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Reserve());

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Reserve());
    }
}
