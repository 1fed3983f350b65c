using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary><c>GET /servers[/detail]</c>: filters, <c>changes-since</c> (deleted included) and limit/marker paging.</summary>
internal static class ServerListing
{
    private const int MaxLimit = 1000;

    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "limit", "marker", "changes-since", "changes-before", "tags", "tags-any", "not-tags", "not-tags-any",
        "name", "status", "image", "flavor", "ip", "ip6", "sort_key", "sort_dir", "all_tenants", "deleted",
        "reservation_id", "access_ip_v4", "access_ip_v6", "availability_zone", "config_drive", "created_at",
        "description", "key_name", "launched_at", "locked", "power_state", "progress", "task_state",
        "terminated_at", "updated_at", "user_id", "vm_state", "uuid", "project_id", "tenant_id",
    };

    public static JsonBytesReply List(ApiRequest r, bool detail)
    {
        var v = r.Version;
        if (v >= new ApiVersion(2, 75))
        {
            var unknown = r.Query.Keys.FirstOrDefault(k => !KnownParameters.Contains(k));
            if (unknown is not null)
            {
                throw ApiException.BadRequest($"Invalid input for query parameters {unknown}. Value: {r.QueryValue(unknown)}. Additional properties are not allowed ('{unknown}' was unexpected)");
            }
        }

        var since = Timestamp(r, "changes-since");
        var before = v >= new ApiVersion(2, 66) ? Timestamp(r, "changes-before") : null;
        if (since is not null && before is not null && before < since)
        {
            throw ApiException.BadRequest("The value of changes-since must be less than or equal to changes-before.");
        }

        IEnumerable<ServerRecord> servers = r.State.Servers.Values;
        servers = since is null && before is null
            ? servers.Where(s => !s.IsDeleted)
            : servers.Where(s => (since is null || s.Updated >= since) && (before is null || s.Updated <= before));

        if (v >= new ApiVersion(2, 26))
        {
            var tagFilter = TagFilter.From(r);
            servers = servers.Where(s => tagFilter.Matches(s.Tags));
        }

        if (r.QueryValue("name") is { } name)
        {
            var regex = new Regex(SafePattern(name), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            servers = servers.Where(s => regex.IsMatch(s.Name));
        }

        if (r.QueryValue("status") is { } status)
        {
            servers = servers.Where(s => string.Equals(s.Status, status, StringComparison.OrdinalIgnoreCase));
        }

        if (r.QueryValue("flavor") is { } flavor)
        {
            servers = servers.Where(s => s.Flavor.Id == flavor);
        }

        var ordered = servers.OrderByDescending(s => s.Created).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
        var limit = Math.Min(r.IntQuery("limit") ?? MaxLimit, MaxLimit);
        var marker = r.QueryValue("marker");
        var page = Paging.Page(ordered, marker, limit, s => s.Id, () => ApiException.BadRequest($"marker [{marker}] not found"));
        var ports = detail ? ComputeViews.PortsByDevice(r.State) : null;
        var w = r.State.Json.Begin();
        w.WriteStartObject();
        w.WriteStartArray("servers");
        foreach (var server in page)
        {
            if (ports is not null)
            {
                ComputeViews.WriteServerDetail(w, r, server, ports);
            }
            else
            {
                ComputeViews.WriteServerSummary(w, r, server);
            }
        }

        w.WriteEndArray();
        if (page.Count > 0 && page.Count == limit)
        {
            w.WriteStartArray("servers_links");
            w.WriteStartObject();
            w.WriteString("rel", "next");
            w.WriteString("href", NextLink(r, detail, limit, page[^1].Id));
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        return r.State.Json.Finish(200);
    }

    private static DateTimeOffset? Timestamp(ApiRequest r, string name)
    {
        var raw = r.QueryValue(name);
        if (raw is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw ApiException.BadRequest($"Invalid input for query parameters {name}. Value: {raw}. '{raw}' is not a 'date-time'");
        }

        return value;
    }

    private static string SafePattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException)
        {
            return Regex.Escape(pattern);
        }
    }

    private static string NextLink(ApiRequest r, bool detail, int limit, string marker)
    {
        var query = Paging.Query(r.Query, ["limit", "marker"], $"limit={limit}", $"marker={marker}");
        return $"{ComputeViews.ComputeRoot(r.State)}/servers{(detail ? "/detail" : "")}?{query}";
    }
}
