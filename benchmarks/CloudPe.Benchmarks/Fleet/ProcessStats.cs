using System.Globalization;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>Memory of a child process after a full GC, as it reports it on the <c>stats</c> command.</summary>
internal sealed record ProcessStats(long WorkingSetBytes, long PrivateBytes, long ManagedHeapBytes, long GcCommittedBytes, long Extra)
{
    /// <summary>Collects, then formats "stats WS PRIVATE HEAP GC-COMMITTED EXTRA".</summary>
    public static string Measure(long extra)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var committed = info.TotalCommittedBytes;
        if (Environment.GetEnvironmentVariable("CLOUDPE_BENCH_GC_DETAIL") == "1")
        {
            // Where committed GC memory goes: per generation (0, 1, 2, large, pinned) size and free space inside it.
            var generations = info.GenerationInfo.ToArray().Select((g, i) => $"gen{i} {g.SizeAfterBytes / 1048576.0:F1}/{g.FragmentationAfterBytes / 1048576.0:F1} MB");
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc: heap {info.HeapSizeBytes / 1048576.0:F1} MB, committed {committed / 1048576.0:F1} MB, {string.Join(", ", generations)} (size/free)"));
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"stats {self.WorkingSet64} {PrivateResident()} {heap} {committed} {extra}");
    }

    public static ProcessStats Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 6 || parts[0] != "stats")
        {
            throw new InvalidOperationException($"Unexpected answer: {line}");
        }

        return new ProcessStats(
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[4], CultureInfo.InvariantCulture),
            long.Parse(parts[5], CultureInfo.InvariantCulture));
    }

    // Anonymous resident memory (Linux RssAnon): the working set without the shared, file-backed framework pages.
    private static long PrivateResident()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return 0;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }
}
