using CloudPe.Controllers;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>What a reconcile step decided: go on to the next step, or end the reconcile with a result.</summary>
internal readonly record struct StepResult(bool Stop, ReconcileResult Result)
{
    public static StepResult Continue { get; } = new(false, ReconcileResult.Done);

    /// <summary>Go on; when no later step decides otherwise, end with <paramref name="result"/>.</summary>
    public static StepResult ContinueThen(ReconcileResult result) => new(false, result);

    public static StepResult StopWith(ReconcileResult result) => new(true, result);
}
