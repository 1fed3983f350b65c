namespace CloudPe.OpenStack.Compute;

/// <summary>A Nova server as the operator sees it.</summary>
public sealed record Server
{
    /// <summary>Server UUID.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Nova status: ACTIVE, SHUTOFF, BUILD, ERROR, SUSPENDED, VERIFY_RESIZE, DELETED, ...</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>OS-EXT-STS:task_state; non-null means "in transition: wait".</summary>
    public string? TaskState { get; init; }

    /// <summary>OS-EXT-STS:vm_state.</summary>
    public string? VmState { get; init; }

    /// <summary>OS-EXT-STS:power_state (0 none, 1 running, 3 paused, 4 shutdown, 6 crashed, 7 suspended).</summary>
    public int? PowerState { get; init; }

    /// <summary>Addresses grouped by network name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ServerAddress>> Addresses { get; init; } = EmptyAddresses;

    /// <summary>Flavor: its ID (before 2.47) or its original name and sizes (2.47+).</summary>
    public ServerFlavor? Flavor { get; init; }

    /// <summary>Image ID, or null for a server booted from volume.</summary>
    public string? ImageId { get; init; }

    /// <summary>IDs of attached volumes (os-extended-volumes:volumes_attached).</summary>
    public IReadOnlyList<string> AttachedVolumeIds { get; init; } = [];

    /// <summary>Server metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>Server tags (2.26+).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Fault of a server in ERROR.</summary>
    public ServerFault? Fault { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset? Updated { get; init; }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ServerAddress>> EmptyAddresses = new Dictionary<string, IReadOnlyList<ServerAddress>>();
    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}
