namespace CloudPe.OpenStack.Compute;

/// <summary>What POST /servers creates.</summary>
public sealed class CreateServerRequest
{
    /// <summary>Server name.</summary>
    public required string Name { get; init; }

    /// <summary>Flavor ID.</summary>
    public required string FlavorRef { get; init; }

    /// <summary>NICs; at least one.</summary>
    public required IReadOnlyList<ServerNetwork> Networks { get; init; }

    /// <summary>Boot from a new volume; when null <see cref="ImageRef"/> boots from an image on local disk.</summary>
    public BootVolume? BootVolume { get; init; }

    /// <summary>Image for an image-backed server (ignored when <see cref="BootVolume"/> is set).</summary>
    public string? ImageRef { get; init; }

    /// <summary>Security group names or IDs (applies to NICs Nova creates).</summary>
    public IReadOnlyList<string>? SecurityGroups { get; init; }

    /// <summary>Root password; never logged.</summary>
    public string? AdminPass { get; init; }

    /// <summary>Server metadata (e.g. the owner UID stamp used to adopt after an unknown outcome).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Server tags (2.52+).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Key pair name.</summary>
    public string? KeyName { get; init; }

    /// <summary>Base64 user data (cloud-init); never logged.</summary>
    public string? UserData { get; init; }

    /// <summary>Availability zone.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>Describes the request without the password or user data.</summary>
    public override string ToString() => $"server '{Name}' flavor {FlavorRef}";
}
