namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>The crash points of the short form: every request that changes the cloud in each step, plus reads in between.</summary>
internal static class CrashPlan
{
    public const string GetServer = "compute GET /servers/{id}";

    public static IReadOnlyList<CrashPoint> Short()
    {
        var points = new List<CrashPoint>();
        foreach (var mode in new[] { "IPv4", "IPv6", "DualStack" })
        {
            points.Add(new("create", mode, "compute GET /servers/detail", 1));
            points.Add(new("create", mode, "network POST /ports", 1));
            points.Add(new("create", mode, "network PUT /ports/{id}/tags/{tag}", 1));
            points.Add(new("create", mode, "compute POST /servers", 1));
            points.Add(new("create", mode, GetServer, 1));
            points.Add(new("create", mode, "compute POST /servers/{id}/remote-consoles", 1));
        }

        // Each resize point flips the flavor between c1.small and c1.medium.
        foreach (var round in new[] { "first", "second" })
        {
            points.Add(new("resize", round, "compute POST /servers/{id}/action:resize", 1));
            points.Add(new("resize", round, GetServer, 1));
            points.Add(new("resize", round, "compute POST /servers/{id}/action:confirmResize", 1));
            points.Add(new("resize", round, GetServer, 2));
        }

        points.Add(new("extend", "+10", "volume POST /volumes/{id}/action", 1));
        points.Add(new("extend", "+10", "volume GET /volumes/{id}", 1));
        points.Add(new("extend", "+10", "volume GET /volumes/{id}", 2));
        points.Add(new("extend", "+10", GetServer, 1));

        points.Add(new("power", "Stopped", "compute POST /servers/{id}/action:os-stop", 1));
        points.Add(new("power", "Running", "compute POST /servers/{id}/action:os-start", 1));
        points.Add(new("power", "Suspended", "compute POST /servers/{id}/action:suspend", 1));
        points.Add(new("power", "Running", "compute POST /servers/{id}/action:resume", 1));
        points.Add(new("power", "Stopped", GetServer, 1));
        points.Add(new("power", "Suspended", "compute POST /servers/{id}/action:os-start", 1));
        points.Add(new("power", "Stopped", "compute POST /servers/{id}/action:resume", 1));
        points.Add(new("power", "Suspended", GetServer, 2));
        points.Add(new("power", "Running", GetServer, 1));
        points.Add(new("power", "Stopped", GetServer, 2));

        for (var i = 0; i < 3; i++)
        {
            points.Add(new("password", "reset", "compute POST /servers/{id}/action:changePassword", 1));
            points.Add(new("password", "secret", "compute POST /servers/{id}/action:changePassword", 1));
        }

        points.Add(new("delete", "Running", "compute DELETE /servers/{id}", 1));
        points.Add(new("delete", "Running", GetServer, 1));
        points.Add(new("delete", "Running", GetServer, 2));
        points.Add(new("delete", "Stopped", "compute DELETE /servers/{id}", 1));
        points.Add(new("delete", "Running", "network GET /ports", 1));
        points.Add(new("delete", "Running", "network DELETE /ports/{id}", 1));
        points.Add(new("delete", "Running", "volume GET /volumes/detail", 1));
        points.Add(new("delete", "Suspended", "compute DELETE /servers/{id}", 1));
        return points;
    }

    /// <summary>A random crash point for the long form: any point of the short plan with a random N.</summary>
    public static CrashPoint Random(Random random)
    {
        var all = Short();
        var point = all[random.Next(all.Count)];
        return point with { Nth = point.Kind == GetServer ? random.Next(1, 4) : point.Nth };
    }
}
