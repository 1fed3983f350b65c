using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Status;

/// <summary>
/// Edits a status' condition list with kstatus semantics: <c>lastTransitionTime</c> changes only when the
/// status flips, and entries keep their order, so an unchanged state produces an identical list (no write).
/// </summary>
public static class Conditions
{
    /// <summary>
    /// Sets condition <paramref name="type"/> in <paramref name="conditions"/>, adding it at the end when missing.
    /// </summary>
    /// <returns>Whether anything in the list changed.</returns>
    public static bool Set(
        IList<Condition> conditions,
        string type,
        string status,
        string reason,
        string message,
        long? generation,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentException.ThrowIfNullOrEmpty(type);
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = generation,
                LastTransitionTime = Truncate(now),
            });
            return true;
        }

        var changed = existing.Status != status || existing.Reason != reason || existing.Message != message || existing.ObservedGeneration != generation;
        if (existing.Status != status || existing.LastTransitionTime is null)
        {
            existing.LastTransitionTime = Truncate(now);
        }

        existing.Status = status;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = generation;
        return changed;
    }

    /// <summary>Sets condition <paramref name="type"/> to True.</summary>
    public static bool SetTrue(IList<Condition> conditions, string type, string reason, string message, long? generation, DateTimeOffset now) =>
        Set(conditions, type, ConditionStatus.True, reason, message, generation, now);

    /// <summary>Sets condition <paramref name="type"/> to False.</summary>
    public static bool SetFalse(IList<Condition> conditions, string type, string reason, string message, long? generation, DateTimeOffset now) =>
        Set(conditions, type, ConditionStatus.False, reason, message, generation, now);

    /// <summary>Sets condition <paramref name="type"/> to Unknown.</summary>
    public static bool SetUnknown(IList<Condition> conditions, string type, string reason, string message, long? generation, DateTimeOffset now) =>
        Set(conditions, type, ConditionStatus.Unknown, reason, message, generation, now);

    /// <summary>
    /// kstatus: marks the object as moving toward its spec (<c>Reconciling=True</c>, reason = what it is doing)
    /// and clears <c>Stalled</c>.
    /// </summary>
    public static void MarkReconciling(IList<Condition> conditions, string reason, string message, long? generation, DateTimeOffset now)
    {
        SetTrue(conditions, StatusConditionTypes.Reconciling, reason, message, generation, now);
        Remove(conditions, StatusConditionTypes.Stalled);
    }

    /// <summary>
    /// kstatus: marks the object as stuck on an error only the user can fix (<c>Stalled=True</c>) and clears
    /// <c>Reconciling</c>.
    /// </summary>
    public static void MarkStalled(IList<Condition> conditions, string reason, string message, long? generation, DateTimeOffset now)
    {
        SetTrue(conditions, StatusConditionTypes.Stalled, reason, message, generation, now);
        Remove(conditions, StatusConditionTypes.Reconciling);
    }

    /// <summary>kstatus: the object reached its spec; removes <c>Reconciling</c> and <c>Stalled</c>.</summary>
    public static void MarkSettled(IList<Condition> conditions)
    {
        Remove(conditions, StatusConditionTypes.Reconciling);
        Remove(conditions, StatusConditionTypes.Stalled);
    }

    /// <summary>Removes condition <paramref name="type"/>; returns whether it was present.</summary>
    public static bool Remove(IList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = Find(conditions, type);
        return existing is not null && conditions.Remove(existing);
    }

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static Condition? Find(IEnumerable<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));

    /// <summary>Whether condition <paramref name="type"/> is present with status True.</summary>
    public static bool IsTrue(IEnumerable<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>A deep copy of <paramref name="conditions"/>: edit the copy, never the cached object.</summary>
    public static List<Condition> Copy(IEnumerable<Condition>? conditions) =>
        conditions?.Select(c => new Condition
        {
            Type = c.Type,
            Status = c.Status,
            Reason = c.Reason,
            Message = c.Message,
            ObservedGeneration = c.ObservedGeneration,
            LastTransitionTime = c.LastTransitionTime,
        }).ToList() ?? [];

    // metav1.Time has second precision; a sub-second value would differ from what the API server returns.
    private static DateTimeOffset Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
