namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// The "kill -9" of one in-process operator: armed with a request kind and a count, it trips after the Nth matching
/// OpenStack request got its answer; from then on every OpenStack and Kubernetes request of that operator hangs
/// until the host is disposed, so the operator neither sees the answer nor writes anything more.
/// </summary>
internal sealed class CrashSwitch
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _tripped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _kind;
    private int _remaining;

    public bool IsTripped => _tripped.Task.IsCompleted;

    /// <summary>The request kind that tripped the switch.</summary>
    public string? TrippedBy { get; private set; }

    public Task Tripped => _tripped.Task;

    public void Arm(string kind, int nth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        lock (_gate)
        {
            _kind = kind;
            _remaining = nth;
        }
    }

    /// <summary>Called after a request got its answer; true when this answer trips the switch.</summary>
    public bool Observe(string kind)
    {
        lock (_gate)
        {
            if (_kind is null || !string.Equals(kind, _kind, StringComparison.Ordinal) || --_remaining > 0)
            {
                return false;
            }

            _kind = null;
            TrippedBy = kind;
            _tripped.TrySetResult();
            return true;
        }
    }

    /// <summary>Hangs a request of a dead operator until its cancellation (the host being disposed).</summary>
    public static async Task HangAsync(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await never.Task.WaitAsync(cancellationToken);
    }
}
