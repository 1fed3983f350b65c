using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Gets the server's connection from the credentials Secret; a missing or empty key stops here.</summary>
internal static class ReadCredentials
{
    public static async Task<StepResult> RunAsync(ServerReconcileContext context, CloudConnectionProvider connections, CancellationToken cancellationToken)
    {
        var result = await connections.GetAsync(context.Server, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // A Secret change re-triggers the reconcile; no polling needed.
            context.Fail(ConditionTypes.Authenticated, result.FailureReason, result.FailureMessage, needsUser: true);
            return StepResult.StopWith(Controllers.ReconcileResult.Done);
        }

        context.Connection = result.Connection;
        context.Status.AuthUrl = result.Connection.Options.AuthUrl.AbsoluteUri;
        return StepResult.Continue;
    }
}
