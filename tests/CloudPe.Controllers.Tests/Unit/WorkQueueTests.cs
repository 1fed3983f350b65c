using Microsoft.Extensions.Time.Testing;

namespace CloudPe.Controllers.Tests.Unit;

public sealed class WorkQueueTests
{
    private static readonly ReconcileRequest A = new("ns", "a");
    private static readonly ReconcileRequest B = new("ns", "b");

    private static WorkQueue<ReconcileRequest> NewQueue(FakeTimeProvider time, double qps = 1000, int burst = 1000) =>
        new(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5), qps, burst);

    [Fact]
    public void Repeated_adds_of_one_key_queue_it_once()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);
        queue.Add(A);

        Assert.Equal(2, queue.Depth);
    }

    [Fact]
    public async Task A_key_in_flight_is_not_handed_out_again_until_done()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        queue.Add(A);
        var first = await queue.TakeAsync(TestContext.Current.CancellationToken);

        queue.Add(A);
        Assert.Equal(0, queue.Depth);

        queue.Done(first);
        Assert.Equal(1, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Done_without_a_new_add_does_not_requeue()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        queue.Add(A);
        queue.Done(await queue.TakeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void AddAfter_waits_for_the_clock_and_keeps_the_earliest_due_time()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        queue.AddAfter(A, TimeSpan.FromSeconds(3));
        queue.AddAfter(A, TimeSpan.FromSeconds(20));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);
        Assert.Equal(0, queue.DelayedCount);
    }

    [Fact]
    public void Failures_back_off_exponentially_up_to_the_cap_and_reset_on_forget()
    {
        using var queue = new WorkQueue<ReconcileRequest>(new FakeTimeProvider(), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100), 1000, 1000);

        var delays = Enumerable.Range(0, 7).Select(_ => queue.AddRateLimited(A).TotalMilliseconds).ToArray();
        Assert.Equal([5, 10, 20, 40, 80, 100, 100], delays);

        queue.Forget(A);
        Assert.Equal(5, queue.AddRateLimited(A).TotalMilliseconds);
        Assert.Equal(5, queue.AddRateLimited(B).TotalMilliseconds);
    }

    [Fact]
    public void Retries_beyond_the_burst_wait_for_the_token_bucket()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time, qps: 2, burst: 3);
        var delays = Enumerable.Range(0, 5).Select(i => queue.AddRateLimited(new ReconcileRequest("ns", $"k{i}"))).ToArray();

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), delays[3]);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), delays[4]);
    }

    [Fact]
    public async Task A_rate_limited_key_comes_back_after_its_delay()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.Add(A);
        var key = await queue.TakeAsync(TestContext.Current.CancellationToken);
        queue.AddRateLimited(key);
        queue.Done(key);

        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Depth);
    }
}
