namespace CloudPe.OpenStack.Identity;

/// <summary>A Keystone token with what came with it. The value never leaves the client.</summary>
internal sealed class AuthToken
{
    public required string Value { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the cache stops handing the token out and renews it.</summary>
    public required DateTimeOffset RenewAt { get; init; }

    public required string ProjectId { get; init; }

    public string? ProjectName { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required IReadOnlyList<string> ServiceTypes { get; init; }

    public required ServiceEndpoints Endpoints { get; init; }

    public override string ToString() => $"token for project {ProjectId} valid until {ExpiresAt:o}";
}
