namespace CloudPe.CloudSimulator.Model;

internal sealed class ServerRecord
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required FlavorRecord Flavor { get; set; }
    public FlavorRecord? PreviousFlavor { get; set; }
    public ImageRecord? Image { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public DateTimeOffset? LaunchedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string VmState { get; set; } = VmStates.Building;
    public string? TaskState { get; set; } = TaskStates.Spawning;
    public int PowerState { get; set; } = PowerStates.NoState;
    public string? VmStateBeforeResize { get; set; }
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
    public List<string> Tags { get; } = [];
    public List<string> SecurityGroupNames { get; } = [];
    public List<string> VolumeIds { get; } = [];
    public HashSet<string> DeleteOnTermination { get; } = new(StringComparer.Ordinal);
    public string? KeyName { get; init; }
    public string? Description { get; init; }
    public string AdminPass { get; set; } = "";
    public ServerFault? Fault { get; set; }
    public PendingTransition? Pending { get; set; }

    public bool IsDeleted => VmState == VmStates.Deleted;

    /// <summary>Sets a new state and stamps <see cref="Updated"/> (changes-since depends on it).</summary>
    public void Move(string vmState, string? taskState, int powerState, DateTimeOffset at)
    {
        VmState = vmState;
        TaskState = taskState;
        PowerState = powerState;
        Updated = at;
    }

    /// <summary>Nova's status from vm_state and task_state.</summary>
    public string Status => (VmState, TaskState) switch
    {
        (VmStates.Deleted, _) => "DELETED",
        (VmStates.Building, _) => "BUILD",
        (VmStates.Error, _) => "ERROR",
        (VmStates.Suspended, _) => "SUSPENDED",
        (_, TaskStates.Rebooting) => "REBOOT",
        (_, TaskStates.RebootingHard) => "HARD_REBOOT",
        (_, TaskStates.ResizePrep) => "RESIZE",
        (_, TaskStates.ResizeReverting) => "REVERT_RESIZE",
        (VmStates.Resized, _) => "VERIFY_RESIZE",
        (VmStates.Stopped, _) => "SHUTOFF",
        _ => "ACTIVE",
    };
}
