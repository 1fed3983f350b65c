namespace CloudPe.OpenStack.Identity;

/// <summary>What authentication established: the project, the token's lifetime, the roles and the resolved catalog (never the token itself).</summary>
/// <param name="ProjectId">Project the application credential is scoped to.</param>
/// <param name="ProjectName">Project name.</param>
/// <param name="ExpiresAt">Token expiry.</param>
/// <param name="Roles">Role names on the project.</param>
/// <param name="ServiceTypes">Every service type in the catalog.</param>
/// <param name="Endpoints">Endpoints the client uses.</param>
public sealed record AuthenticationInfo(
    string ProjectId,
    string? ProjectName,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> ServiceTypes,
    ServiceEndpoints Endpoints);
