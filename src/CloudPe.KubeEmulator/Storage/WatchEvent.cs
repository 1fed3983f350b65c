using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Storage;

/// <summary>A committed change: ADDED, MODIFIED or DELETED, with the object before the change for selector transitions.</summary>
internal sealed record WatchEvent(long ResourceVersion, string Type, string Bucket, string Namespace, JsonObject Object, JsonObject? Previous)
{
    private byte[]? _objectJson;

    /// <summary>The stored object serialised once and shared by every watcher that shows it unconverted.</summary>
    public byte[] ObjectJson(Func<JsonObject, byte[]> serialize) => _objectJson ??= serialize(Object);
}
