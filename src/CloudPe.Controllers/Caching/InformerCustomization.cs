namespace CloudPe.Controllers;

/// <summary>A registered index or label selector for the informer of one resource type.</summary>
internal sealed record InformerCustomization(Type ResourceType, string? LabelSelector, Action<object>? Apply);
