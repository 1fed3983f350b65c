using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>The simulator's request counters (<c>GET /_sim/counters</c>): proof that an action reached the cloud.</summary>
internal static class SimulatorCounters
{
    public static async Task<long> CountAsync(Uri cloudProject, string route)
    {
        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<JsonObject>(new Uri(cloudProject, "/_sim/counters"), TestContext.Current.CancellationToken);
        return body!["routes"]![route]?.GetValue<long>() ?? 0;
    }
}
