using System.Text.Json.Nodes;

namespace CloudPe.Controllers;

/// <summary>
/// Removes from an object, before it is decoded into the cache, the metadata the operator never reads and that can
/// be larger than the object itself: <c>metadata.managedFields</c> (server-side apply bookkeeping, one entry per field
/// manager) and the <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation (a full copy of the object,
/// Secret data included, from client-side <c>kubectl apply</c>). The operator writes with merge patches only, which
/// never send these fields back, so dropping them from the cache changes nothing on the server.
/// </summary>
internal static class CacheTrim
{
    /// <summary>The annotation <c>kubectl apply</c> stores the applied object in.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public static void Apply(JsonNode node)
    {
        if (node["metadata"] is not JsonObject metadata)
        {
            return;
        }

        metadata.Remove("managedFields");
        if (metadata["annotations"] is JsonObject annotations)
        {
            annotations.Remove(LastAppliedAnnotation);
        }
    }
}
