namespace CloudPe.Controllers;

/// <summary>Settings of the <see cref="EventRecorder"/>.</summary>
public sealed class EventRecorderOptions
{
    /// <summary>Written as <c>source.component</c> and <c>reportingComponent</c> of every Event.</summary>
    public string Component { get; set; } = "controller";

    /// <summary>How many distinct (object, type, reason, message) combinations are remembered for aggregation.</summary>
    public int AggregationCacheSize { get; set; } = 4096;
}
