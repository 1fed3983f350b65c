using System.Text.Json.Nodes;
using k8s.Models;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Sets the VM's password (changePassword) when the password Secret changed since it was last applied. The VM
/// annotation <c>cloudpe.io/password-applied</c> holds the Secret's UID and resourceVersion of that moment, never
/// anything derived from the password. Only while Running; otherwise it waits.
/// </summary>
internal static class ApplyPasswordChange
{
    public static string Marker(V1Secret secret) => $"{secret.Metadata.Uid}/{secret.Metadata.ResourceVersion}";

    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.PasswordSecret is not { } cached || ctx.Status.VmId is not { } id || !ctx.IsRunning)
        {
            return;
        }

        var applied = ctx.Annotation(VmStamp.AppliedPasswordAnnotation);
        var marker = Marker(cached);
        if (applied == marker)
        {
            // The cached VM shows this version applied: later versions of the VM will too.
            ctx.Services.Ledger.Settle(ctx.Uid, VmStamp.AppliedPasswordAnnotation, marker);
            return;
        }

        if (ctx.Services.Ledger.Has(ctx.Uid, VmStamp.AppliedPasswordAnnotation, marker))
        {
            return;
        }

        // The cache can lag behind our own writes: only the API server's current version counts.
        var secret = await ctx.Services.SecretClient.GetAsync(cached.Metadata.NamespaceProperty, cached.Metadata.Name, cancellationToken).ConfigureAwait(false);
        if (secret is null || applied == Marker(secret) || ctx.Services.Ledger.Has(ctx.Uid, VmStamp.AppliedPasswordAnnotation, Marker(secret)) || EnsureCredentials.Password(secret, ctx.PasswordKey) is not { Length: > 0 } password)
        {
            return;
        }

        await ctx.Cloud.Compute.ChangePasswordAsync(id, password, cancellationToken).ConfigureAwait(false);
        await RecordAsync(ctx, secret, cancellationToken).ConfigureAwait(false);
        await ctx.NormalAsync(VmReasons.PasswordChanged, $"Password of the VM set from Secret {secret.Metadata.Name}.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Remembers on the VM which Secret version its password came from.</summary>
    public static async Task RecordAsync(VmContext ctx, V1Secret secret, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [VmStamp.AppliedPasswordAnnotation] = Marker(secret) } },
        };
        ctx.Services.Ledger.Record(ctx.Uid, VmStamp.AppliedPasswordAnnotation, Marker(secret));
        ctx.Vm = await ctx.Services.VmClient.MergePatchAsync(ctx.Namespace, ctx.Name, patch, cancellationToken).ConfigureAwait(false);
    }
}
