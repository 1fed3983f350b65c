namespace CloudPe.CloudSimulator.Model;

/// <summary>A state change that becomes true at <see cref="DueAt"/>; applied lazily on the next read.</summary>
internal sealed record PendingTransition(DateTimeOffset DueAt, Action<DateTimeOffset> Complete);
