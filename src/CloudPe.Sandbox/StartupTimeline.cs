using System.Diagnostics;
using System.Globalization;

namespace CloudPe.Sandbox;

/// <summary>With <c>--log-level Debug</c> prints how long each start-up step took, to tell a slow machine from a slow step.</summary>
internal sealed class StartupTimeline(Stopwatch clock, bool enabled)
{
    public TimeSpan Elapsed => clock.Elapsed;

    public void Mark(string step)
    {
        if (enabled)
        {
            Console.WriteLine($"[startup {clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),6}s] {step}");
        }
    }
}
