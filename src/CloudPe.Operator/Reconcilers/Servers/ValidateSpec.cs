using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Checks what the CRD schema cannot: the inventory refresh interval's range.</summary>
internal static class ValidateSpec
{
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromHours(24);

    public static StepResult Run(ServerReconcileContext context)
    {
        var text = context.Server.Spec.InventoryRefreshInterval;
        if (!GoDuration.TryParse(text, out var interval) || interval < MinRefreshInterval || interval > MaxRefreshInterval)
        {
            context.Fail(
                null,
                ConditionReasons.InvalidSpec,
                $"spec.inventoryRefreshInterval '{text}' is invalid: use a duration between 30s and 24h, such as 10m.",
                needsUser: true);
            return StepResult.StopWith(Controllers.ReconcileResult.Done);
        }

        context.RefreshInterval = interval;
        return StepResult.Continue;
    }
}
