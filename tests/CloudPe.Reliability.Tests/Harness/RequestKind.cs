using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// Names an OpenStack request like the simulator's route keys (<c>compute POST /servers/{id}/action:resize</c>),
/// from the operator's side of the wire.
/// </summary>
internal static partial class RequestKind
{
    public static string Of(HttpMethod method, Uri uri, string projectPath, JsonNode? body)
    {
        var path = uri.AbsolutePath;
        if (path.StartsWith(projectPath, StringComparison.Ordinal))
        {
            path = path[projectPath.Length..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var service = segments.Count == 0 ? "identity" : segments[0] switch
        {
            "v3" => "identity",
            "internal" when segments.Count > 1 => segments[1],
            var s => s,
        };
        var rest = segments.SkipWhile(s => s is "internal" or "compute" or "network" or "volume" or "image")
            .Where(s => !Version().IsMatch(s))
            .Select(s => Id().IsMatch(s) ? "{id}" : s.StartsWith("cloudpe-uid-", StringComparison.Ordinal) ? "{tag}" : s)
            .ToList();
        if (service == "volume" && rest.Count > 0 && rest[0] == "{id}")
        {
            rest.RemoveAt(0);
        }

        var kind = $"{service} {method.Method} /{string.Join('/', rest)}";
        if (service == "compute" && rest.Count > 0 && rest[^1] == "action" && body is JsonObject action && action.Count > 0)
        {
            kind += ":" + action.First().Key;
        }

        return kind;
    }

    [GeneratedRegex("^v[0-9]+(\\.[0-9]+)?$")]
    private static partial Regex Version();

    [GeneratedRegex("^[0-9a-fA-F-]{16,}$")]
    private static partial Regex Id();
}
