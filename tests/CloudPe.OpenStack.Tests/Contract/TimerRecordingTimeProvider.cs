using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>A fake clock that also tells which timers were armed, so a test advances time only once a wait has begun.</summary>
internal sealed class TimerRecordingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _armed = new();

    public IReadOnlyCollection<TimeSpan> Armed => _armed;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        _armed.Enqueue(dueTime); // recorded only after the fake clock knows the timer
        return timer;
    }
}
