using System.Text.Json.Nodes;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>
/// One malformed or hostile CloudPeVM. <paramref name="Rejected"/>: the API server must refuse it with a message naming
/// <paramref name="Field"/>; otherwise it is admitted and must end Ready=False with <paramref name="Reason"/> (null:
/// any failure reason).
/// </summary>
internal sealed record BadManifest(string Name, bool Rejected, string? Field, string? Reason, Func<JsonObject, JsonObject> Edit);
