namespace CloudPe.CloudSimulator;

/// <summary>Durations of simulated operations; zero means the new state is visible on the next read.</summary>
public sealed class SimulatorLatencies
{
    /// <summary>BUILD (task <c>spawning</c>) to ACTIVE or ERROR.</summary>
    public TimeSpan Build { get; set; }

    /// <summary>start, stop, reboot, suspend and resume.</summary>
    public TimeSpan Action { get; set; }

    /// <summary>resize (to VERIFY_RESIZE) and revertResize.</summary>
    public TimeSpan Resize { get; set; }

    /// <summary>Server (task <c>deleting</c>) and volume (status <c>deleting</c>) deletion.</summary>
    public TimeSpan Delete { get; set; }

    /// <summary>Volume status <c>extending</c>.</summary>
    public TimeSpan VolumeExtend { get; set; }

    /// <summary>Wall-clock delay added to every HTTP answer under the project path.</summary>
    public TimeSpan Request { get; set; }

    /// <summary>Returns an independent copy.</summary>
    public SimulatorLatencies Clone() => (SimulatorLatencies)MemberwiseClone();
}
