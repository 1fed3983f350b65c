using System.Globalization;
using System.Text;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>Formats fleet results as one markdown table, operator and baseline rows side by side.</summary>
internal static class FleetTable
{
    public static string Format(IReadOnlyList<FleetResult> results, FleetArguments options)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Build latency {Seconds(options.BuildLatency)} s, resync interval {Seconds(options.ResyncInterval)} s, {options.Resyncs} steady resyncs, MaxConcurrentReconciles {options.Concurrency}, FleetPageSize {options.PageSize}, {Environment.ProcessorCount} cores.");
        if (options.RuntimeEnvironment.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Operator runtime settings beyond the image's: {string.Join(", ", options.RuntimeEnvironment.Select(e => $"{e.Name}={e.Value}"))}.");
        }

        text.AppendLine();
        text.AppendLine("| VMs | servers | mode | OpenStack req/resync | by route (per resync) | Keystone tokens/h | API writes/resync | API writes/VM created | OpenStack req/VM created | apply→all Ready (s) | ÷ build latency | working set (MB) | private RSS (MB) | managed heap (MB) | GC committed (MB) | CPU s/resync |");
        text.AppendLine("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var routes = r.RequestsPerResync.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {Number(p.Value)}"));
            text.AppendLine(string.Join(" | ",
                "", r.Vms.ToString("N0", CultureInfo.InvariantCulture), r.Servers.ToString(CultureInfo.InvariantCulture), r.Mode,
                Number(r.RequestsPerResync.Values.Sum()),
                string.Join("; ", routes) is { Length: > 0 } s ? s : "none",
                Number(r.TokensPerHour),
                r.WritesPerResync is { } w ? Number(w) : "— (not modelled)",
                r.WritesPerVmCreated is { } c ? Number(c) : "—",
                r.OpenStackRequestsPerVmCreated is { } o ? Number(o) : "—",
                r.ApplyToReady is { } t ? Seconds(t) : "—",
                r.ReadyToLatencyRatio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "—",
                (r.WorkingSetBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture),
                (r.PrivateBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture),
                (r.ManagedHeapBytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture),
                (r.GcCommittedBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture),
                r.CpuSecondsPerResync.ToString("F3", CultureInfo.InvariantCulture),
                "").Trim());
        }

        text.AppendLine();
        text.AppendLine("Gain (baseline ÷ operator, same N and servers): " + string.Join("; ", Gains(results)));
        return text.ToString();
    }

    private static IEnumerable<string> Gains(IReadOnlyList<FleetResult> results)
    {
        foreach (var group in results.GroupBy(r => (r.Vms, r.Servers)))
        {
            var op = group.FirstOrDefault(r => r.Mode == "operator");
            var baseline = group.FirstOrDefault(r => r.Mode == "baseline");
            if (op is null || baseline is null)
            {
                continue;
            }

            var requests = baseline.RequestsPerResync.Values.Sum() / Math.Max(op.RequestsPerResync.Values.Sum(), 1e-9);
            var cpu = baseline.CpuSecondsPerResync / Math.Max(op.CpuSecondsPerResync, 1e-9);
            yield return string.Create(CultureInfo.InvariantCulture, $"N={group.Key.Vms:N0}/{group.Key.Servers}: {requests:F0}× fewer OpenStack requests, {baseline.TokensPerHour / op.TokensPerHour:F0}× fewer tokens, {cpu:F1}× less CPU per resync");
        }
    }

    private static string Number(double value) =>
        value == Math.Floor(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
}
