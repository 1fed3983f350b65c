using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudPe.OpenStack;

/// <summary>
/// Metrics of the client: counter <c>openstack.requests</c> (one per HTTP attempt) and histogram
/// <c>openstack.request.duration</c> (seconds), tagged service, method, route (template) and status ("error" when no response).
/// </summary>
public static class OpenStackTelemetry
{
    /// <summary>Name of the <see cref="Meter"/> to listen to.</summary>
    public const string MeterName = "CloudPe.OpenStack";

    /// <summary>Counter of HTTP attempts.</summary>
    public const string RequestsInstrument = "openstack.requests";

    /// <summary>Histogram of attempt durations in seconds.</summary>
    public const string DurationInstrument = "openstack.request.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(RequestsInstrument, "{request}", "HTTP requests sent to OpenStack");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationInstrument, "s", "Duration of HTTP requests to OpenStack");

    internal static void Record(string service, string method, string route, int? status, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "service", service },
            { "method", method },
            { "route", route },
            { "status", status is { } code ? StatusText(code) : "error" },
        };
        Requests.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }

    private static string StatusText(int code) => code switch
    {
        200 => "200",
        201 => "201",
        202 => "202",
        204 => "204",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
