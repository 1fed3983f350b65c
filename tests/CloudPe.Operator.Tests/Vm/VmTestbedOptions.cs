using CloudPe.CloudSimulator;

namespace CloudPe.Operator.Tests.Vm;

/// <summary>Knobs of a <see cref="VmTestbed"/>.</summary>
internal sealed class VmTestbedOptions
{
    public SimulatorLatencies Latencies { get; init; } = new()
    {
        Build = TimeSpan.FromSeconds(6),
        Action = TimeSpan.FromSeconds(3),
        Resize = TimeSpan.FromSeconds(4),
        Delete = TimeSpan.FromSeconds(2),
        VolumeExtend = TimeSpan.FromSeconds(2),
    };

    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int FleetPageSize { get; init; } = 100;

    public int MinVolumeSizeGiB { get; init; } = 30;

    /// <summary>Replaces the operator's OpenStack HTTP handler on the first start (to intercept calls).</summary>
    public Func<HttpMessageHandler>? CloudHandler { get; init; }
}
