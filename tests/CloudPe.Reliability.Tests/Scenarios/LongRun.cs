namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>The long seeded soak (filled in below).</summary>
internal static class LongRun
{
    public static Task<int> MainAsync(string[] args) => Task.FromResult(args.Length);
}
