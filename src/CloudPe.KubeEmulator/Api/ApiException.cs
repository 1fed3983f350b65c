using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Ends a request with a Kubernetes <c>Status</c> body.</summary>
internal sealed class ApiException(JsonObject status) : Exception((string?)status["message"])
{
    public JsonObject Status { get; } = status;

    public int Code => (int)Status["code"]!;
}
