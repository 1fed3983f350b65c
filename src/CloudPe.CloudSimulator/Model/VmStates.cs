namespace CloudPe.CloudSimulator.Model;

internal static class VmStates
{
    public const string Building = "building";
    public const string Active = "active";
    public const string Stopped = "stopped";
    public const string Suspended = "suspended";
    public const string Resized = "resized";
    public const string Error = "error";
    public const string Deleted = "deleted";
}
