using CloudPe.Controllers;
using CloudPe.OpenStack;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using Microsoft.Extensions.Logging;
using FinalizeStep = CloudPe.Operator.Reconcilers.Vm.Finalize;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Reconciles one CloudPeVM one step toward its spec: finalizer, server reference, name resolution, credentials,
/// adopt-or-create, status from the fleet snapshot (or a GET while in transition), immutable fields, password,
/// actions, flavor, volume size, power state, first console; then the conditions and a status write when changed.
/// </summary>
internal sealed partial class VmReconciler : IReconciler<CloudPeVM>
{
    private readonly VmServices _services;

    public VmReconciler(VmServices services, VmReferenceLookup lookup)
    {
        _services = services;
        lookup.Attach(services.Vms);
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var vm = _services.Vms.Get(request.Namespace, request.Name);
        if (vm is null)
        {
            _services.Phases.Forget(request.ToString());
            return ReconcileResult.Done;
        }

        var ctx = new VmContext(vm, _services);
        if (vm.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeStep.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        }

        if (vm.Metadata.Finalizers?.Contains(CloudPeApiGroup.Finalizer) != true)
        {
            if (vm.Status?.VmId is null)
            {
                // Written with the first create (EnsureServer), in the same patch as the password marker.
                ctx.NothingCreatedYet = true;
            }
            else
            {
                ctx.Vm = await _services.VmClient.EnsureFinalizerAsync(vm, CloudPeApiGroup.Finalizer, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await StepsAsync(ctx, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackException e) when (e is not OpenStackOutcomeUnknownException && !cancellationToken.IsCancellationRequested)
        {
            if (e is OpenStackConflictException)
            {
                // The server changed state between our read and our action: look again shortly.
                LogConflict(_services.Logger, ctx.Namespace, ctx.Name, e.Message);
                ctx.PollSoon();
            }
            else
            {
                var message = $"{e.Service} {e.Method} {e.Path} failed{(e.StatusCode is { } code ? $" with {code}" : "")}: {e.ServerMessage ?? e.Message}";
                ctx.Block(VmReasons.CloudError, message, stalled: false);
                await ctx.WarningAsync(VmReasons.CloudError, message, cancellationToken).ConfigureAwait(false);
                await FinishAsync(ctx, cancellationToken).ConfigureAwait(false);
                throw;
            }
        }

        await FinishAsync(ctx, cancellationToken).ConfigureAwait(false);
        return ctx.RequeueAfter is { } delay ? ReconcileResult.RequeueAfter(delay) : ReconcileResult.Done;
    }

    private static async Task StepsAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var services = ctx.Services;
        var server = services.Servers.Get(ctx.Namespace, ctx.Spec.ServerRef.Name);
        if (server is null)
        {
            ctx.Block(VmReasons.WaitingForServer, $"CloudPeServer {ctx.Namespace}/{ctx.Spec.ServerRef.Name} (spec.serverRef) does not exist.", stalled: false);
            return;
        }

        ctx.Server = server;
        if (!Conditions.IsTrue(server.Status.Conditions, ConditionTypes.Ready) || server.Status.Inventory is null)
        {
            var why = Conditions.Find(server.Status.Conditions, ConditionTypes.Ready)?.Message ?? "not reconciled yet";
            ctx.Block(VmReasons.ServerNotReady, $"CloudPeServer {server.Metadata.Name} is not Ready: {why}", stalled: false);
            return;
        }

        var connection = await services.Connections.GetAsync(server, cancellationToken).ConfigureAwait(false);
        if (!connection.Succeeded)
        {
            ctx.Block(VmReasons.ServerNotReady, $"CloudPeServer {server.Metadata.Name}: {connection.FailureMessage}", stalled: false);
            return;
        }

        ctx.Connection = connection.Connection;
        var (refs, failure) = ResolveReferences.Run(ctx.Spec, server);
        ctx.Refs = refs;
        await HandleActions.PrepareSyncAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            ctx.Block(failure.Reason, failure.Message, stalled: true);
            if (ctx.Status.VmId is not null)
            {
                await SyncStatus.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (!await EnsureCredentials.RunAsync(ctx, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (ctx.Status.VmId is null)
        {
            await EnsureServer.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
            if (ctx.Status.VmId is null || ctx.Blocked is not null || ctx.Acted)
            {
                // Just created: Nova says BUILD, and the shared transition list reports what follows.
                return;
            }
        }

        if (!await SyncStatus.RunAsync(ctx, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var observed = ctx.Observed!;
        if (StatusMapping.IsBusy(observed) || ctx.Status.Phase == VmPhase.Failed)
        {
            // Any task state means "in transition": wait, do not issue another action. ERROR waits for the user.
            if (StatusMapping.IsBusy(observed))
            {
                ctx.PollSoon();
            }

            await HandleActions.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!CheckImmutableFields.Run(ctx))
        {
            return;
        }

        await ApplyPasswordChange.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        await HandleActions.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (ctx.Acted)
        {
            return;
        }

        await EnsureFlavor.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (ctx.Acted)
        {
            return;
        }

        await EnsureVolumeSize.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (ctx.Acted)
        {
            return;
        }

        await EnsurePowerState.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (!ctx.Acted)
        {
            await HandleActions.EnsureFirstConsoleAsync(ctx, cancellationToken).ConfigureAwait(false);
        }

        if (services.Fleet.IsInTransition(observed.Id))
        {
            ctx.PollSoon();
        }
    }

    private async Task FinishAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var before = Conditions.Find(ctx.Vm.Status?.Conditions, ConditionTypes.Ready);
        VmConditions.Apply(ctx);
        ctx.Status.ObservedGeneration = ctx.Generation;
        var ready = Conditions.Find(ctx.Status.Conditions, ConditionTypes.Ready)!;

        // One Warning per new problem, not one per resync: a steady broken VM writes nothing.
        if (ctx.Blocked is { } blocked && blocked.Reason != VmReasons.CloudError && (before?.Reason != ready.Reason || before?.Message != ready.Message))
        {
            await ctx.WarningAsync(blocked.Reason, blocked.Message, cancellationToken).ConfigureAwait(false);
        }

        await ctx.FlushStatusAsync(cancellationToken).ConfigureAwait(false);
        _services.Phases.Set($"{ctx.Namespace}/{ctx.Name}", (ctx.Status.Phase ?? VmPhase.Pending).ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudPeVM {Namespace}/{Name}: the server changed state under an action ({Reason}); looking again")]
    private static partial void LogConflict(ILogger logger, string @namespace, string name, string reason);
}
