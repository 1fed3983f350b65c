using System.Globalization;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>Memory of a child process after a full GC, as it reports it on the <c>stats</c> command.</summary>
internal sealed record ProcessStats(long WorkingSetBytes, long ManagedHeapBytes, long Extra)
{
    /// <summary>Collects, then formats "stats WS HEAP EXTRA".</summary>
    public static string Measure(long extra)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"stats {self.WorkingSet64} {heap} {extra}");
    }

    public static ProcessStats Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 4 || parts[0] != "stats")
        {
            throw new InvalidOperationException($"Unexpected answer: {line}");
        }

        return new ProcessStats(
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
