namespace CloudPe.Controllers;

/// <summary>A registered index, label selector or compact storage for the informer of one resource type.</summary>
internal sealed record InformerCustomization(Type ResourceType, string? LabelSelector, Action<object>? Apply, bool Compact = false);
