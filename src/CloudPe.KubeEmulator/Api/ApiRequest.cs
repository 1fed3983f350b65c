using CloudPe.KubeEmulator.Auth;
using CloudPe.KubeEmulator.Registry;
using Microsoft.AspNetCore.Http;

namespace CloudPe.KubeEmulator.Api;

/// <summary>A parsed resource request.</summary>
internal sealed record ApiRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource, IQueryCollection Query, Identity Identity)
{
    public string Ns => Type.Namespaced ? Namespace ?? "" : "";

    public bool DryRun => Query["dryRun"].Contains("All");

    public string? Q(string key) => Query.TryGetValue(key, out var v) ? v.ToString() : null;
}
