namespace CloudPe.Operator.Status;

/// <summary>
/// The kstatus "abnormal-true" condition types that Flux, kpt and other kstatus readers use besides
/// <c>Ready</c> and <c>observedGeneration</c>.
/// </summary>
public static class StatusConditionTypes
{
    /// <summary>True while the operator is moving the object toward its spec; the reason says what it is doing.</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>True when the operator is stuck on an error that needs the user (bad credentials, bad reference).</summary>
    public const string Stalled = "Stalled";
}
