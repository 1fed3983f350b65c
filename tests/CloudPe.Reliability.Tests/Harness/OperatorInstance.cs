using Microsoft.AspNetCore.Builder;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>One in-process operator host of a world and its crash switch.</summary>
internal sealed class OperatorInstance(WebApplication app, CrashSwitch crash, string identity)
{
    public WebApplication App { get; } = app;

    public CrashSwitch Crash { get; } = crash;

    public string Identity { get; } = identity;

    public bool Stopped { get; set; }
}
