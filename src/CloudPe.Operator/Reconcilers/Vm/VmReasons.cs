namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Condition and Event reasons of the CloudPeVM controller. In-progress reasons use the names the Argo CD health
/// check treats as Progressing; every other False reason shows as Degraded.
/// </summary>
internal static class VmReasons
{
    // In progress.
    public const string Pending = "Pending";
    public const string Provisioning = "Provisioning";
    public const string Creating = "Creating";
    public const string Resizing = "Resizing";
    public const string Starting = "Starting";
    public const string Stopping = "Stopping";
    public const string Suspending = "Suspending";
    public const string Resuming = "Resuming";
    public const string Rebooting = "Rebooting";
    public const string PowerTransition = "PowerTransition";
    public const string InProgress = "InProgress";
    public const string Deleting = "Deleting";
    public const string WaitingForServer = "WaitingForServer";
    public const string ServerNotReady = "ServerNotReady";

    // Settled.
    public const string Ready = "Ready";
    public const string ServerExists = "ServerExists";
    public const string InSync = "InSync";
    public const string ActionAccepted = "ActionAccepted";

    // Needs the user.
    public const string FlavorNotFound = "FlavorNotFound";
    public const string ImageNotFound = "ImageNotFound";
    public const string NetworkNotFound = "NetworkNotFound";
    public const string SecurityGroupNotFound = "SecurityGroupNotFound";
    public const string StoragePolicyNotFound = "StoragePolicyNotFound";
    public const string IpVersionUnavailable = "IpVersionUnavailable";
    public const string PasswordSecretNotFound = "PasswordSecretNotFound";
    public const string PasswordInvalid = "PasswordInvalid";
    public const string ImmutableFieldChanged = "ImmutableFieldChanged";
    public const string VolumeShrinkRefused = "VolumeShrinkRefused";
    public const string ServerError = "ServerError";
    public const string ServerNotFound = "ServerNotFound";
    public const string CreateFailed = "CreateFailed";
    public const string CloudError = "CloudError";
    public const string NotRunning = "NotRunning";

    // Events only.
    public const string Created = "Created";
    public const string Adopted = "Adopted";
    public const string CreateOutcomeUnknown = "CreateOutcomeUnknown";
    public const string CredentialsCreated = "CredentialsCreated";
    public const string ResizeConfirmed = "ResizeConfirmed";
    public const string VolumeExtending = "VolumeExtending";
    public const string ConsoleIssued = "ConsoleIssued";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string Synced = "Synced";
    public const string ActionRejected = "ActionRejected";
    public const string Deleted = "Deleted";
    public const string Orphaned = "Orphaned";
    public const string CloudResourcesLeft = "CloudResourcesLeft";
}
