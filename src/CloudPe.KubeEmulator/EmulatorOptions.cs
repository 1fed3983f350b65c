namespace CloudPe.KubeEmulator;

/// <summary>Settings of an in-memory Kubernetes API emulator instance.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Address Kestrel binds; loopback by default.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Serve HTTPS with a CA generated at start (kubectl sends bearer tokens only over TLS).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Version reported by <c>/version</c>; the kubectl dispatcher picks its client from it.</summary>
    public string KubernetesVersion { get; set; } = "v1.32.4";

    /// <summary>Clock used for timestamps, ages, bookmarks and garbage collection delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Number of watch events kept for resuming; older resource versions get 410 Gone.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>Interval between BOOKMARK events on watches that allow them.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before dependents of a deleted owner are collected.</summary>
    public TimeSpan GarbageCollectionDelay { get; set; } = TimeSpan.Zero;
}
