using CloudPe.CloudSimulator;
using CloudPe.KubeEmulator;
using Microsoft.AspNetCore.Builder;

namespace CloudPe.Sandbox;

/// <summary>The running pieces; stopping ends the operator first (it releases its Lease through the emulator), then the servers.</summary>
internal sealed class SandboxParts
{
    public KubeEmulatorHost? Emulator { get; set; }

    public CloudSimulatorHost? Simulator { get; set; }

    public WebApplication? Operator { get; set; }

    /// <summary>Stops everything that was started; false when a part failed to stop (one line on stderr each).</summary>
    public async Task<bool> StopAsync()
    {
        var clean = true;
        if (Operator is { } op)
        {
            clean &= await StopPartAsync("operator", async () =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await op.StopAsync(timeout.Token);
                await op.DisposeAsync();
            });
        }

        if (Simulator is { } simulator)
        {
            clean &= await StopPartAsync("CloudPe simulator", () => simulator.DisposeAsync().AsTask());
        }

        if (Emulator is { } emulator)
        {
            clean &= await StopPartAsync("Kubernetes API emulator", () => emulator.DisposeAsync().AsTask());
        }

        return clean;
    }

    private static async Task<bool> StopPartAsync(string name, Func<Task> stop)
    {
        try
        {
            await stop();
            return true;
        }
#pragma warning disable CA1031 // Shutdown goes on with the other parts; the failure is reported and sets the exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"warning: the {name} did not stop cleanly: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }
}
