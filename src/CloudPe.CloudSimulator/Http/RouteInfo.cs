namespace CloudPe.CloudSimulator.Http;

/// <summary>Endpoint metadata: the route key used by counters and fault rules, and whether a token is needed.</summary>
internal sealed record RouteInfo(string Service, string Method, string Template, bool RequiresAuth)
{
    public string Key => $"{Service} {Method} {Template}";
}
