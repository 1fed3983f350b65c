namespace CloudPe.CloudSimulator.Model;

internal static class TaskStates
{
    public const string Spawning = "spawning";
    public const string PoweringOn = "powering-on";
    public const string PoweringOff = "powering-off";
    public const string Rebooting = "rebooting";
    public const string RebootingHard = "rebooting_hard";
    public const string Suspending = "suspending";
    public const string Resuming = "resuming";
    public const string ResizePrep = "resize_prep";
    public const string ResizeReverting = "resize_reverting";
    public const string Deleting = "deleting";
}
