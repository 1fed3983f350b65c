using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// The one-shot annotations (api.md, "Imperative actions"): each new value is acted on once and recorded under
/// <c>status.handledActions</c>. Restart, console and password reset need a Running VM (ACTIVE, no task); asked in
/// another state they are marked handled, not queued, with a Warning Event and <c>ActionRejected</c>. Sync is
/// always allowed.
/// </summary>
internal static class HandleActions
{
    /// <summary>How long a noVNC console URL works (Nova's default console token TTL).</summary>
    public static readonly TimeSpan ConsoleLifetime = TimeSpan.FromMinutes(10);

    private const string FirstConsole = "first-console";
    private const string Done = "done";

    /// <summary>Before the status is read: a new sync value forces a fresh read from the cloud.</summary>
    public static async Task PrepareSyncAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        RestoreHandled(ctx);
        if (NewValue(ctx, CloudPeAnnotations.Sync, ctx.Status.HandledActions?.Sync) is not { } value)
        {
            return;
        }

        ctx.ForceRefresh = true;
        Handled(ctx).Sync = value;
            ctx.Services.Ledger.Record(ctx.Uid, CloudPeAnnotations.Sync, value);
        Accept(ctx, CloudPeAnnotations.Sync, value);
        await ctx.NormalAsync(VmReasons.Synced, $"{CloudPeAnnotations.Sync}={value}: status refreshed from the cloud.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After the status is read: console and password reset, then restart (it takes the VM out of Running).</summary>
    public static async Task RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var handled = ctx.Status.HandledActions;
        var console = NewValue(ctx, CloudPeAnnotations.Console, handled?.Console);
        if (console is not null)
        {
            if (await GateAsync(ctx, CloudPeAnnotations.Console, console, cancellationToken).ConfigureAwait(false))
            {
                await FetchConsoleAsync(ctx, cancellationToken).ConfigureAwait(false);
                Accept(ctx, CloudPeAnnotations.Console, console);
            }

            Handled(ctx).Console = console;
            ctx.Services.Ledger.Record(ctx.Uid, CloudPeAnnotations.Console, console);
        }

        var reset = NewValue(ctx, CloudPeAnnotations.PasswordReset, handled?.PasswordReset);
        if (reset is not null)
        {
            if (await GateAsync(ctx, CloudPeAnnotations.PasswordReset, reset, cancellationToken).ConfigureAwait(false))
            {
                var password = PasswordGenerator.Generate();
                var secret = await EnsureCredentials.StoreAsync(ctx, password, cancellationToken).ConfigureAwait(false);
                ctx.PasswordSecret = secret;
                await ctx.Cloud.Compute.ChangePasswordAsync(ctx.Status.VmId!, password, cancellationToken).ConfigureAwait(false);
                await ApplyPasswordChange.RecordAsync(ctx, secret, cancellationToken).ConfigureAwait(false);
                Accept(ctx, CloudPeAnnotations.PasswordReset, reset);
                await ctx.NormalAsync(VmReasons.PasswordReset, $"{CloudPeAnnotations.PasswordReset}={reset}: new password set in the VM and stored in Secret {secret.Metadata.Name}.", cancellationToken).ConfigureAwait(false);
            }

            Handled(ctx).PasswordReset = reset;
            ctx.Services.Ledger.Record(ctx.Uid, CloudPeAnnotations.PasswordReset, reset);
        }

        var restart = NewValue(ctx, CloudPeAnnotations.Restart, handled?.Restart);
        if (restart is not null)
        {
            if (await GateAsync(ctx, CloudPeAnnotations.Restart, restart, cancellationToken).ConfigureAwait(false))
            {
                var hard = restart.EndsWith(CloudPeAnnotations.HardRestartSuffix, StringComparison.Ordinal);
                await ctx.Cloud.Compute.RebootAsync(ctx.Status.VmId!, hard, cancellationToken).ConfigureAwait(false);
                Accept(ctx, CloudPeAnnotations.Restart, restart);
                ctx.Services.Fleet.SetInTransition(ctx.Status.VmId!, true);
                await ctx.NormalAsync(VmReasons.Rebooting, $"{CloudPeAnnotations.Restart}={restart}: {(hard ? "HARD" : "SOFT")} reboot sent.", cancellationToken).ConfigureAwait(false);
                ctx.MarkActed(VmReasons.Rebooting, $"{(hard ? "hard" : "soft")} reboot in progress");
            }

            Handled(ctx).Restart = restart;
            ctx.Services.Ledger.Record(ctx.Uid, CloudPeAnnotations.Restart, restart);
        }
    }

    /// <summary>The first time the VM is Running it gets a console URL without being asked.</summary>
    public static async Task EnsureFirstConsoleAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Status.Console is not null)
        {
            // Console URLs are never removed from the status: once it shows one, the ledger need not remember.
            ctx.Services.Ledger.Settle(ctx.Uid, FirstConsole, Done);
            return;
        }

        if (ctx.IsRunning && !ctx.Services.Ledger.Has(ctx.Uid, FirstConsole, Done))
        {
            await FetchConsoleAsync(ctx, cancellationToken).ConfigureAwait(false);
            ctx.Services.Ledger.Record(ctx.Uid, FirstConsole, Done);
        }
    }

    private static async Task FetchConsoleAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var console = await ctx.Cloud.Compute.GetConsoleAsync(ctx.Status.VmId!, cancellationToken).ConfigureAwait(false);
        ctx.Status.Console = new ConsoleStatus
        {
            Url = console.Url.ToString(),
            Protocol = console.Protocol,
            IssuedAt = Truncate(ctx.Now),
            ExpiresAt = Truncate(ctx.Now + ConsoleLifetime),
        };

        // The URL carries a one-time token: it goes to the status only, never into an Event.
        await ctx.NormalAsync(VmReasons.ConsoleIssued, $"Console URL ({console.Protocol}) written to status.console; valid until {ctx.Status.Console.ExpiresAt:u}.", cancellationToken).ConfigureAwait(false);
    }

    private static string? NewValue(VmContext ctx, string annotation, string? handled) =>
        ctx.Annotation(annotation) is { Length: > 0 } value && value != handled && !ctx.Services.Ledger.Has(ctx.Uid, annotation, value) ? value : null;

    /// <summary>True when the VM is Running; otherwise rejects the action (Event, ActionRejected) and returns false.</summary>
    private static async Task<bool> GateAsync(VmContext ctx, string annotation, string value, CancellationToken cancellationToken)
    {
        if (ctx.IsRunning)
        {
            return true;
        }

        var state = ctx.Observed is { } o ? (o.TaskState is { } task ? $"{o.Status} (task {task})" : o.Status) : "not created yet";
        var message = $"{annotation}={value} refused: the VM is {state}; this action is allowed only when Running. It is not queued: set a new value once the VM runs.";
        Conditions.SetTrue(ctx.Status.Conditions, ConditionTypes.ActionRejected, VmReasons.NotRunning, message, ctx.Generation, ctx.Now);
        await ctx.WarningAsync(VmReasons.ActionRejected, message, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static void Accept(VmContext ctx, string annotation, string value) =>
        Conditions.SetFalse(ctx.Status.Conditions, ConditionTypes.ActionRejected, VmReasons.ActionAccepted, $"{annotation}={value} accepted.", ctx.Generation, ctx.Now);

    // A status read from a lagging cache may miss values this process already handled: keep them recorded.
    private static void RestoreHandled(VmContext ctx)
    {
        foreach (var annotation in new[] { CloudPeAnnotations.Restart, CloudPeAnnotations.Console, CloudPeAnnotations.PasswordReset, CloudPeAnnotations.Sync })
        {
            if (ctx.Annotation(annotation) is { Length: > 0 } value && ctx.Services.Ledger.Has(ctx.Uid, annotation, value))
            {
                var handled = Handled(ctx);
                switch (annotation)
                {
                    case CloudPeAnnotations.Restart: handled.Restart = value; break;
                    case CloudPeAnnotations.Console: handled.Console = value; break;
                    case CloudPeAnnotations.PasswordReset: handled.PasswordReset = value; break;
                    default: handled.Sync = value; break;
                }
            }
        }
    }

    private static HandledActions Handled(VmContext ctx) => ctx.Status.HandledActions ??= new HandledActions();

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
