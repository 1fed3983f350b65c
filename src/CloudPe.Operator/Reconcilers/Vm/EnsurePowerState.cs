using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Moves the server to spec.powerState from whatever settled state it is in, one Nova action per step (a busy
/// server was already left alone): Running from SHUTOFF (start) or SUSPENDED (resume); Stopped from ACTIVE (stop)
/// or SUSPENDED (resume, then stop); Suspended from ACTIVE (suspend) or SHUTOFF (start, then suspend).
/// </summary>
internal static class EnsurePowerState
{
    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var server = ctx.Observed!;
        var compute = ctx.Cloud.Compute;
        var id = server.Id;
        var desired = ctx.Spec.PowerState;
        var (action, reason) = (desired, server.Status.ToUpperInvariant()) switch
        {
            (PowerState.Running, "SHUTOFF") or (PowerState.Suspended, "SHUTOFF") => ("start", VmReasons.Starting),
            (PowerState.Running, "SUSPENDED") or (PowerState.Stopped, "SUSPENDED") => ("resume", VmReasons.Resuming),
            (PowerState.Stopped, "ACTIVE") => ("stop", VmReasons.Stopping),
            (PowerState.Suspended, "ACTIVE") => ("suspend", VmReasons.Suspending),
            _ => (null, null),
        };
        if (action is null)
        {
            return;
        }

        var call = action switch
        {
            "start" => compute.StartAsync(id, cancellationToken),
            "resume" => compute.ResumeAsync(id, cancellationToken),
            "stop" => compute.StopAsync(id, cancellationToken),
            _ => compute.SuspendAsync(id, cancellationToken),
        };
        await call.ConfigureAwait(false);
        ctx.Services.Fleet.SetInTransition(id, true);
        await ctx.NormalAsync(reason!, $"Sent {action} (server is {server.Status}, spec.powerState is {desired}).", cancellationToken).ConfigureAwait(false);
        ctx.MarkActed(reason!, $"{action} sent; going from {server.Status} to {desired}");
    }
}
