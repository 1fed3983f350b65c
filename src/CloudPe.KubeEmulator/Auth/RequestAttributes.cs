namespace CloudPe.KubeEmulator.Auth;

/// <summary>What a resource request wants to do, in RBAC terms.</summary>
internal sealed record RequestAttributes(string Verb, string Group, string Resource, string? Subresource, string? Namespace, string? Name)
{
    public string ResourceWithSub => Subresource is null ? Resource : $"{Resource}/{Subresource}";
}
