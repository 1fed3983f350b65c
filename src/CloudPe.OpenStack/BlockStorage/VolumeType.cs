namespace CloudPe.OpenStack.BlockStorage;

/// <summary>A Cinder volume type.</summary>
/// <param name="Id">Type UUID.</param>
/// <param name="Name">Type name (what BDM volume_type takes).</param>
/// <param name="Description">Description.</param>
/// <param name="IsPublic">Visible to every project.</param>
public sealed record VolumeType(string Id, string Name, string? Description, bool IsPublic);
