namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The values of <see cref="Condition.Status"/>.</summary>
public static class ConditionStatus
{
    /// <summary>The condition holds.</summary>
    public const string True = "True";

    /// <summary>The condition does not hold.</summary>
    public const string False = "False";

    /// <summary>The operator cannot tell yet.</summary>
    public const string Unknown = "Unknown";
}
