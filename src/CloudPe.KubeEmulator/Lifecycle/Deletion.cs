using System.Globalization;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Storage;

namespace CloudPe.KubeEmulator.Lifecycle;

/// <summary>Deletes an object the Kubernetes way: finalizers first set <c>deletionTimestamp</c>, otherwise the object goes.</summary>
internal static class Deletion
{
    public const string NamespaceBucket = "/namespaces";

    /// <summary>Must be called under the store gate. Returns the final or the marked object, and whether it is gone.</summary>
    public static (JsonObject Result, bool Removed) MarkOrRemove(ObjectStore store, string bucket, string ns, string name, DateTimeOffset now)
    {
        var current = store.Get(bucket, ns, name) ?? throw new InvalidOperationException("object vanished under the gate");
        if (bucket == NamespaceBucket)
        {
            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                return (current, false);
            }

            var ns2 = current.DeepClone().AsObject();
            ns2["metadata"]!["deletionTimestamp"] = Timestamp(now);
            ns2["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            ns2["status"] = new JsonObject { ["phase"] = "Terminating" };
            return (store.Commit(bucket, ns, name, ns2, "MODIFIED"), false);
        }

        if (current["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
        {
            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                return (current, false);
            }

            var marked = current.DeepClone().AsObject();
            marked["metadata"]!["deletionTimestamp"] = Timestamp(now);
            marked["metadata"]!["deletionGracePeriodSeconds"] = 0;
            return (store.Commit(bucket, ns, name, marked, "MODIFIED"), false);
        }

        return (store.Remove(bucket, ns, name)!, true);
    }

    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
