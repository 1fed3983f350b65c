using BenchmarkDotNet.Running;

namespace CloudPe.Benchmarks.Micro;

/// <summary>The <c>micro</c> command: BenchmarkDotNet over the hot paths of a resync.</summary>
internal static class MicroCommand
{
    public static int Run(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ServerPageBenchmarks), typeof(StatusDiffBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
