using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;
using NovaServer = CloudPe.OpenStack.Compute.Server;
using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Idempotent create: look for a server stamped with the CR's UID and adopt it; only when there is none, create one
/// (boot from a new volume of the effective size, booted on the VM's own port) and write <c>status.vmId</c> the
/// moment Nova answers. A create whose outcome is unknown is followed by a look-up, never by a second create.
/// </summary>
internal static class EnsureServer
{
    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        if (!ctx.NothingCreatedYet && await FindStampedAsync(ctx, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            await AdoptAsync(ctx, existing, cancellationToken).ConfigureAwait(false);
            return;
        }

        await MarkAsync(ctx, cancellationToken).ConfigureAwait(false);
        var port = await EnsurePort.RunAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (port is null)
        {
            return;
        }

        var refs = ctx.Refs!;
        var password = EnsureCredentials.Password(ctx.PasswordSecret!, ctx.PasswordKey)!;
        var request = new CreateServerRequest
        {
            Name = string.IsNullOrEmpty(ctx.Spec.Hostname) ? ctx.Name : ctx.Spec.Hostname,
            FlavorRef = refs.Flavor.Id,
            Networks = [ServerNetwork.FromPort(port.Id)],
            BootVolume = new BootVolume(refs.Image.Id, refs.EffectiveSizeGiB, refs.VolumeType?.Name, DeleteOnTermination: true),
            AdminPass = password,
            KeyName = string.IsNullOrEmpty(ctx.Spec.KeyName) ? null : ctx.Spec.KeyName,
            Tags = [VmStamp.Tag(ctx.Uid)],
            Metadata = new Dictionary<string, string>
            {
                [VmStamp.UidMetadataKey] = ctx.Uid,
                [VmStamp.NameMetadataKey] = $"{ctx.Namespace}/{ctx.Name}",
                [VmStamp.ImageMetadataKey] = refs.Image.Id,
                [VmStamp.NetworkMetadataKey] = refs.Network.Id,
                [VmStamp.IpModeMetadataKey] = ctx.Spec.IpMode.ToString(),
                [VmStamp.StoragePolicyMetadataKey] = refs.VolumeType?.Name ?? "",
            },
        };

        CreateServerResult created;
        try
        {
            created = await ctx.Cloud.Compute.CreateServerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackOutcomeUnknownException e)
        {
            await ctx.WarningAsync(VmReasons.CreateOutcomeUnknown, $"The create request got no answer ({e.Message}); looking the server up by its stamp instead of creating again.", cancellationToken).ConfigureAwait(false);
            if (await FindStampedAsync(ctx, cancellationToken).ConfigureAwait(false) is { } found)
            {
                await AdoptAsync(ctx, found, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ctx.MarkActed(VmReasons.Creating, "create outcome unknown; the server is looked up again before any new create");
            }

            return;
        }
        catch (OpenStackException e) when (e.StatusCode is 400 or 403 or 404 or 409 or 413)
        {
            // The cloud refused the request as such: retrying the same create cannot help.
            var message = $"Nova refused the create: {e.ServerMessage ?? e.Message}";
            ctx.Block(VmReasons.CreateFailed, message, stalled: true);
            await ctx.WarningAsync(VmReasons.CreateFailed, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        ctx.Status.VmId = created.Id;
        ctx.Status.Phase = VmPhase.Provisioning;

        // Nova creates the boot volume at the size asked or the build fails: no read of the volume is needed for it.
        ctx.Status.VolumeSizeGiB = refs.EffectiveSizeGiB;

        // Nova starts every new server in BUILD; the first read replaces this with what it reports.
        ctx.Status.OpenStackStatus = "BUILD";
        ctx.MarkActed(VmReasons.Provisioning, $"server {created.Id} is being built");

        // One write with the server ID and the conditions that go with it: the end of this reconcile then has
        // nothing left to write, and no reader sees phase Provisioning beside the conditions of Pending.
        await ctx.PublishStatusAsync(cancellationToken).ConfigureAwait(false);

        // The next list of this CloudPeServer's changes shows the new server: no GET of its own is needed.
        ctx.Services.Fleet.Follow(created.Id, moving: true);
        await ctx.NormalAsync(
            VmReasons.Created,
            $"Created server {created.Id} ({refs.Flavor.Name}, {refs.Image.Name}, {refs.EffectiveSizeGiB} GiB) on port {port.Id} of network {refs.Network.Name} ({ctx.Spec.IpMode}).",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Before anything is created: the finalizer, and which password Secret version the server boots with, in one
    /// write. Recorded before the create, so a crash right after it cannot leave the password unrecorded.
    /// </summary>
    private static async Task MarkAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var marker = ApplyPasswordChange.Marker(ctx.PasswordSecret!);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [VmStamp.AppliedPasswordAnnotation] = marker };
        ctx.Vm = await ctx.Services.VmClient.EnsureFinalizerAsync(ctx.Vm, CloudPeApiGroup.Finalizer, annotations, cancellationToken).ConfigureAwait(false);
        ctx.Services.Ledger.Record(ctx.Uid, VmStamp.AppliedPasswordAnnotation, marker);
    }

    /// <summary>A live server carrying the CR's UID tag, if any.</summary>
    public static async Task<NovaServer?> FindStampedAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var query = new ServerListQuery { Tags = [VmStamp.Tag(ctx.Uid)], Limit = 10 };
        await foreach (var server in ctx.Cloud.Compute.ListServersDetailAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(server.Status, "DELETED", StringComparison.OrdinalIgnoreCase)
                && server.Metadata.GetValueOrDefault(VmStamp.UidMetadataKey, ctx.Uid) == ctx.Uid)
            {
                return server;
            }
        }

        return null;
    }

    private static async Task AdoptAsync(VmContext ctx, NovaServer server, CancellationToken cancellationToken)
    {
        ctx.Status.VmId = server.Id;
        await ctx.FlushStatusAsync(cancellationToken).ConfigureAwait(false);
        ctx.Services.Fleet.Put(ctx.ServerKey, server);
        ctx.Services.Fleet.SetInTransition(server.Id, true);
        await ctx.NormalAsync(VmReasons.Adopted, $"Adopted server {server.Id}, which carries this VM's UID stamp.", cancellationToken).ConfigureAwait(false);
    }
}
