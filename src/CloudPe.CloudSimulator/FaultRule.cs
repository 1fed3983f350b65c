namespace CloudPe.CloudSimulator;

/// <summary>One injected failure, matched against route keys such as <c>compute POST /servers</c>.</summary>
public sealed class FaultRule
{
    /// <summary>Exact route key, or a prefix when it ends with <c>*</c> (e.g. <c>compute *</c>).</summary>
    public string Route { get; set; } = "*";

    /// <summary>HTTP status to answer instead of running the request; null = run it.</summary>
    public int? Status { get; set; }

    /// <summary>Value of the <c>Retry-After</c> header (always sent with 429, default 1).</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Wall-clock delay before answering.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Run the request (side effects happen), then abort the connection without an answer.</summary>
    public bool DropResponse { get; set; }

    /// <summary>How many matching requests the rule hits; null = every one.</summary>
    public int? Times { get; set; }

    /// <summary>Chance (0..1) that a matching request is hit; drawn from the seeded generator.</summary>
    public double Probability { get; set; } = 1.0;

    /// <summary>Raw body to answer with a status fault instead of the service's error envelope.</summary>
    public string? Body { get; set; }
}
