using CloudPe.OpenStack;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Authenticates with the application credential (a cached token costs nothing) and maps every failure to a condition.</summary>
internal static class Authenticate
{
    public static async Task<StepResult> RunAsync(ServerReconcileContext context, TransientRetry retry, CancellationToken cancellationToken)
    {
        var connection = context.Connection!;
        var authUrl = connection.Options.AuthUrl;
        try
        {
            context.Authentication = await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackAuthenticationException e)
        {
            var keystone = string.IsNullOrWhiteSpace(e.ServerMessage) ? "401 Unauthorized" : e.ServerMessage;
            context.Fail(
                ConditionTypes.Authenticated,
                ConditionReasons.AuthenticationFailed,
                $"Keystone at {authUrl} rejected the application credential of Secret {context.Namespace}/{context.Server.Spec.CredentialsSecretRef.Name}: {keystone}",
                needsUser: true);
            return StepResult.StopWith(retry.Slow(context));
        }
        catch (OpenStackNotFoundException)
        {
            context.Fail(
                ConditionTypes.Authenticated,
                ConditionReasons.ProjectNotFound,
                $"{authUrl} answered 404 Not Found: no Keystone under spec.projectPath '{context.Server.Spec.ProjectPath}' at {context.Server.Spec.Endpoint}.",
                needsUser: true);
            return StepResult.StopWith(retry.Slow(context));
        }
        catch (OpenStackUnreachableException e)
        {
            context.Fail(ConditionTypes.Authenticated, ConditionReasons.EndpointUnreachable, Unreachable(authUrl, e), needsUser: false);
            return StepResult.StopWith(retry.Next(context));
        }
        catch (OpenStackTimeoutException)
        {
            context.Fail(
                ConditionTypes.Authenticated,
                ConditionReasons.EndpointUnreachable,
                $"Cannot reach {HostPort(authUrl)}: timeout (no response from {authUrl} within the request timeout).",
                needsUser: false);
            return StepResult.StopWith(retry.Next(context));
        }
        catch (OpenStackException e)
        {
            context.Fail(ConditionTypes.Authenticated, ConditionReasons.CloudError, $"Authentication at {authUrl} failed: {e.Message}", needsUser: false);
            return StepResult.StopWith(retry.Next(context));
        }

        var info = context.Authentication;
        context.Status.ProjectId = info.ProjectId;
        context.SetTrue(
            ConditionTypes.Authenticated,
            ConditionReasons.Authenticated,
            $"Keystone at {authUrl} accepted the application credential for project {info.ProjectName ?? info.ProjectId}.");
        return StepResult.Continue;
    }

    private static string Unreachable(Uri authUrl, OpenStackUnreachableException e)
    {
        var why = e.Reason switch
        {
            UnreachableReason.NameResolution => $"DNS: the host name {authUrl.Host} did not resolve",
            UnreachableReason.ConnectionRefused => "connection refused",
            UnreachableReason.Tls => $"TLS certificate failure ({Innermost(e)}); use spec.caBundleSecretRef for a private CA",
            UnreachableReason.ConnectionLost => "the connection broke before a response arrived",
            _ => Innermost(e),
        };
        return $"Cannot reach {HostPort(authUrl)}: {why}.";
    }

    private static string HostPort(Uri uri) => $"{uri.Host}:{uri.Port}";

    private static string Innermost(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.TrimEnd('.');
    }
}
