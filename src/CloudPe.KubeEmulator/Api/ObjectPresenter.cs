using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Shows a stored object in the requested group version (no field conversion besides Events).</summary>
internal static class ObjectPresenter
{
    public static JsonObject Present(ResourceType type, JsonObject stored)
    {
        if (type.Group == "events.k8s.io")
        {
            return EventConversion.FromCore(stored);
        }

        if ((string?)stored["apiVersion"] == type.GroupVersion)
        {
            return stored;
        }

        var copy = stored.DeepClone().AsObject();
        copy["apiVersion"] = type.GroupVersion;
        return copy;
    }

    /// <summary>Turns a request body into the stored shape.</summary>
    public static JsonObject Incoming(ResourceType type, JsonObject body) =>
        type.Group == "events.k8s.io" ? EventConversion.ToCore(body) : body;
}
