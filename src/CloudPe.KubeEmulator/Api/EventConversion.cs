using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Maps events.k8s.io/v1 Events to and from the core v1 shape both API groups share in storage.</summary>
internal static class EventConversion
{
    private static readonly (string Core, string Events)[] Renames =
    [
        ("involvedObject", "regarding"),
        ("message", "note"),
        ("reportingComponent", "reportingController"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    public static JsonObject ToCore(JsonObject eventsV1)
    {
        var o = eventsV1.DeepClone().AsObject();
        foreach (var (core, events) in Renames)
        {
            Move(o, events, core);
        }

        o["apiVersion"] = "v1";
        return o;
    }

    public static JsonObject FromCore(JsonObject core)
    {
        var o = core.DeepClone().AsObject();
        foreach (var (c, events) in Renames)
        {
            Move(o, c, events);
        }

        o["apiVersion"] = "events.k8s.io/v1";
        return o;
    }

    private static void Move(JsonObject o, string from, string to)
    {
        if (o.Remove(from, out var value))
        {
            o[to] = value;
        }
    }
}
