namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>
/// The one-shot action annotations of a CloudPeVM. The value is any new token (a timestamp is usual);
/// the operator acts once per new value and records it under <c>status.handledActions</c>.
/// </summary>
public static class CloudPeAnnotations
{
    /// <summary>Reboot the VM (SOFT, or HARD when the value ends in <see cref="HardRestartSuffix"/>); allowed when Running.</summary>
    public const string Restart = "cloudpe.io/restart";

    /// <summary>The suffix of a <see cref="Restart"/> value that asks for a HARD reboot.</summary>
    public const string HardRestartSuffix = ";hard";

    /// <summary>Fetch a fresh console URL into <c>status.console</c>; allowed when Running.</summary>
    public const string Console = "cloudpe.io/console";

    /// <summary>Generate a new password, store it in the password Secret and set it in the VM; allowed when Running.</summary>
    public const string PasswordReset = "cloudpe.io/password-reset";

    /// <summary>Refresh the status from the cloud now; always allowed.</summary>
    public const string Sync = "cloudpe.io/sync";
}
