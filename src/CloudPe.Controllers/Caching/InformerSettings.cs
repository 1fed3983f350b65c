namespace CloudPe.Controllers;

/// <summary>Scope and reconnect policy of one informer.</summary>
internal sealed record InformerSettings(IReadOnlyList<string> Namespaces, string? LabelSelector, TimeSpan RetryMax)
{
    public static InformerSettings AllNamespaces { get; } = new([], null, TimeSpan.FromSeconds(30));
}
