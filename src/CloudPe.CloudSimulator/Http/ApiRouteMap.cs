using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Http;

/// <summary>Maps OpenStack routes under the project path, with their route keys, and runs handlers under the state lock.</summary>
internal sealed class ApiRouteMap(IEndpointRouteBuilder endpoints, CloudState state)
{
    private readonly string _root = state.Options.ProjectPath.TrimEnd('/');

    /// <summary>Maps <paramref name="template"/> (relative to the service prefix) for one method.</summary>
    public void Map(string service, string prefix, string method, string template, Func<ApiRequest, IResult> handler, bool requiresAuth = true)
    {
        var info = new RouteInfo(service, method, template, requiresAuth);
        var pattern = _root + prefix + (template == "/" ? "" : template);
        if (pattern.Length == 0)
        {
            pattern = "/";
        }

        endpoints.MapMethods(pattern, [method], context => Run(context, info, handler).ExecuteAsync(context))
            .WithMetadata(info)
            .WithDisplayName(info.Key);
    }

    private IResult Run(HttpContext context, RouteInfo info, Func<ApiRequest, IResult> handler)
    {
        lock (state.Sync)
        {
            state.Settle();
            try
            {
                return handler(new ApiRequest(context, state));
            }
            catch (ApiException e)
            {
                return ErrorEnvelopes.From(info.Service, e);
            }
        }
    }
}
