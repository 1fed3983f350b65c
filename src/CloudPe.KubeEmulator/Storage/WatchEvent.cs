using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Storage;

/// <summary>A committed change: ADDED, MODIFIED or DELETED, with the object before the change for selector transitions.</summary>
internal sealed record WatchEvent(long ResourceVersion, string Type, string Bucket, string Namespace, JsonObject Object, JsonObject? Previous);
