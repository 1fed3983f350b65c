using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Auth;
using CloudPe.KubeEmulator.Lifecycle;

namespace CloudPe.KubeEmulator.Api;

/// <summary>The TokenRequest subresource: <c>POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token</c>.</summary>
internal static class ServiceAccountTokens
{
    public static JsonObject Issue(EmulatorState state, ApiRequest req, byte[] body)
    {
        lock (state.Store.Gate)
        {
            if (state.Store.Get(req.Type.BucketKey, req.Ns, req.Name!) is null)
            {
                throw Statuses.NotFound(req.Type, req.Name!);
            }
        }

        var request = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        var seconds = request?["spec"]?["expirationSeconds"]?.GetValue<long>() ?? 3600;
        var token = state.Tokens.Issue(Identity.ServiceAccount(req.Ns, req.Name!));
        var expires = state.Options.TimeProvider.GetUtcNow().AddSeconds(seconds);
        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = req.Name,
                ["namespace"] = req.Ns,
                ["creationTimestamp"] = Deletion.Timestamp(state.Options.TimeProvider.GetUtcNow()),
            },
            ["spec"] = new JsonObject
            {
                ["audiences"] = request?["spec"]?["audiences"]?.DeepClone() ?? new JsonArray("https://kubernetes.default.svc"),
                ["expirationSeconds"] = seconds,
                ["boundObjectRef"] = request?["spec"]?["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Deletion.Timestamp(expires) },
        };
    }
}
