using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudPe.Operator.Hosting;

/// <summary>
/// Gives back memory that bursts (start-up, a mass create) leave committed but empty; measured at 10,000 VMs in
/// docs/performance.md, "Memory". Every 15 seconds (reading the figures costs nothing):
/// <list type="bullet">
/// <item>The large-object heap is compacted (one blocking full GC) when more than <see cref="MinimumFreeBytes"/> and
/// a third of it are free. The caches' dictionaries grow by doubling and each outgrown array leaves a hole there that the
/// GC does not compact by itself: after 10,000 VMs were created, 4–6 of its 8–10 MB. A steady fleet does not reach
/// the threshold again; if a compaction leaves it that free (pinned arrays), the next checks wait twice as long
/// each time, up to an hour.</item>
/// <item>Once a minute, the C library's allocator is asked to return its free pages (<c>malloc_trim</c>, glibc
/// only): the JIT and the TLS handshakes of a burst free their native memory, but the allocator keeps the pages,
/// ~6 MB after start-up.</item>
/// </list>
/// </summary>
internal sealed partial class MemoryTrim(TimeProvider time, ILogger<MemoryTrim> logger) : BackgroundService
{
    public const long MinimumFreeBytes = 2L * 1024 * 1024;
    private const int LargeObjectGeneration = 3;
    private const int MaxSkippedChecks = 240;
    private const int ChecksPerNativeTrim = 4;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private bool _nativeTrim = OperatingSystem.IsLinux();

    public static bool ShouldCompact(long largeObjectHeapBytes, long freeBytes) =>
        freeBytes > MinimumFreeBytes && freeBytes * 3 > largeObjectHeapBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var skip = 0;
        var backOff = 1;
        var check = 0;
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false))
        {
            if (++check % ChecksPerNativeTrim == 0)
            {
                TrimNative();
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            if (LargeObjectHeap() is not var (size, free) || !ShouldCompact(size, free))
            {
                continue;
            }

            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            LogCompacted(logger, free / 1048576.0, size / 1048576.0);
            if (LargeObjectHeap() is var (after, stillFree) && ShouldCompact(after, stillFree))
            {
                skip = backOff;
                backOff = Math.Min(backOff * 2, MaxSkippedChecks);
            }
            else
            {
                backOff = 1;
            }
        }
    }

    // Size and free space of the large-object heap after the last collection.
    private static (long Size, long Free)? LargeObjectHeap()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return info.GenerationInfo.Length > LargeObjectGeneration
            ? (info.GenerationInfo[LargeObjectGeneration].SizeAfterBytes, info.GenerationInfo[LargeObjectGeneration].FragmentationAfterBytes)
            : null;
    }

    private void TrimNative()
    {
        if (!_nativeTrim)
        {
            return;
        }

        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (e.g. musl): nothing to ask.
            _nativeTrim = false;
            LogNoNativeTrim(logger);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compacted the large-object heap: {FreeMegabytes:F1} MB of its {SizeMegabytes:F1} MB were free")]
    private static partial void LogCompacted(ILogger logger, double freeMegabytes, double sizeMegabytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The C library has no malloc_trim; native memory is not trimmed")]
    private static partial void LogNoNativeTrim(ILogger logger);
}
