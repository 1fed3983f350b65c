using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Status;
using Microsoft.Extensions.Logging;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>
/// Reconciles a CloudPeServer: finalizer, spec checks, credentials, authentication, catalog and inventory, then
/// one status write when anything changed and an Event when Ready changes.
/// </summary>
internal sealed partial class CloudPeServerReconciler : IReconciler<CloudPeServer>
{
    private readonly IResourceCache<CloudPeServer> _servers;
    private readonly IResourceCache<CloudPeVM> _vms;
    private readonly ResourceClient<CloudPeServer> _client;
    private readonly StatusWriter _statusWriter;
    private readonly EventRecorder _events;
    private readonly CloudConnectionProvider _connections;
    private readonly TransientRetry _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<CloudPeServerReconciler> _logger;

    public CloudPeServerReconciler(
        IResourceCache<CloudPeServer> servers,
        IResourceCache<CloudPeVM> vms,
        ResourceClient<CloudPeServer> client,
        StatusWriter statusWriter,
        EventRecorder events,
        CloudConnectionProvider connections,
        TransientRetry retry,
        ServerWatchMaps maps,
        TimeProvider time,
        ILogger<CloudPeServerReconciler> logger)
    {
        _servers = servers;
        _vms = vms;
        _client = client;
        _statusWriter = statusWriter;
        _events = events;
        _connections = connections;
        _retry = retry;
        _time = time;
        _logger = logger;
        maps.Servers = servers;
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var server = _servers.Get(request.Namespace, request.Name);
        if (server is null)
        {
            _connections.Remove(request.Namespace, request.Name);
            _retry.Forget(request.Namespace ?? "default", request.Name);
            return ReconcileResult.Done;
        }

        var context = new ServerReconcileContext(server, _time.GetUtcNow());
        if (server.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeServer.RunAsync(context, _vms, _client, _connections, _events, _statusWriter, cancellationToken).ConfigureAwait(false);
        }

        server = await _client.EnsureFinalizerAsync(server, CloudPeApiGroup.Finalizer, cancellationToken).ConfigureAwait(false);
        var result = await RunStepsAsync(context, cancellationToken).ConfigureAwait(false);
        if (!context.WaitingOnBackOff)
        {
            await PublishAsync(server, context, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<ReconcileResult> RunStepsAsync(ServerReconcileContext context, CancellationToken cancellationToken)
    {
        var step = ValidateSpec.Run(context);
        if (step.Stop)
        {
            return step.Result;
        }

        step = await ReadCredentials.RunAsync(context, _connections, cancellationToken).ConfigureAwait(false);
        if (step.Stop)
        {
            return step.Result;
        }

        // The status write of a failure comes back as a watch event: do not call the cloud again for it.
        if (_retry.Remaining(context) is { } wait)
        {
            context.WaitingOnBackOff = true;
            return ReconcileResult.RequeueAfter(wait);
        }

        step = await Authenticate.RunAsync(context, _retry, cancellationToken).ConfigureAwait(false);
        if (step.Stop)
        {
            return step.Result;
        }

        step = ResolveCatalog.Run(context);
        if (step.Stop)
        {
            return step.Result;
        }

        step = await RefreshInventory.RunAsync(context, _retry, cancellationToken).ConfigureAwait(false);
        if (step.Stop)
        {
            return step.Result;
        }

        _retry.Reset(context);
        var project = context.Authentication!.ProjectName ?? context.Authentication.ProjectId;
        context.SetTrue(ConditionTypes.Ready, ConditionReasons.Ready, $"Connected to project {project}; inventory current.");
        Conditions.MarkSettled(context.Status.Conditions);
        context.Status.ObservedGeneration = context.Generation;
        return step.Result;
    }

    private async Task PublishAsync(CloudPeServer server, ServerReconcileContext context, CancellationToken cancellationToken)
    {
        var before = Conditions.Find(server.Status?.Conditions, ConditionTypes.Ready);
        var after = Conditions.Find(context.Status.Conditions, ConditionTypes.Ready);
        await _statusWriter.UpdateStatusAsync(server, context.Status, cancellationToken).ConfigureAwait(false);
        if (after is null || (before?.Status == after.Status && before.Reason == after.Reason && before.Message == after.Message))
        {
            return;
        }

        if (after.Status == ConditionStatus.True)
        {
            LogReady(_logger, context.Namespace, context.Name, after.Message ?? "");
            await _events.NormalAsync(server, after.Reason ?? ConditionReasons.Ready, after.Message ?? "", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogNotReady(_logger, context.Namespace, context.Name, after.Reason ?? "", after.Message ?? "");
            await _events.WarningAsync(server, after.Reason ?? ConditionReasons.Reconciling, after.Message ?? "", cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudPeServer {Namespace}/{Name} is Ready: {Message}")]
    private static partial void LogReady(ILogger logger, string @namespace, string name, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudPeServer {Namespace}/{Name} is not Ready ({Reason}): {Message}")]
    private static partial void LogNotReady(ILogger logger, string @namespace, string name, string reason, string message);
}
