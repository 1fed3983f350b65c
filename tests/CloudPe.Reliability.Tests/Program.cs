using CloudPe.Reliability.Tests.Scenarios;

namespace CloudPe.Reliability.Tests;

/// <summary>
/// Entry point: <c>--long [--seed N] [--duration 10m]</c> runs the long seeded soak; anything else goes to the xunit
/// runner exactly as the generated entry point would.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--long"))
        {
            return LongRun.MainAsync(args).GetAwaiter().GetResult();
        }

        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            return Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions).GetAwaiter().GetResult();
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
