namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>A runtime CEL error such as "no such key: x"; the rule then fails.</summary>
internal sealed class CelEvaluationException : Exception
{
    public CelEvaluationException(string message)
        : base(message)
    {
    }

    public CelEvaluationException()
    {
    }

    public CelEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
