using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The VM's boot volume.</summary>
[CelRule("has(self.storagePolicy) == has(oldSelf.storagePolicy)", Message = "volume.storagePolicy is immutable")]
public sealed class VolumeSpec
{
    /// <summary>
    /// Size in GiB; may grow but never shrink. The volume gets at least the server's minVolumeSizeGiB
    /// and the image's minimum disk.
    /// </summary>
    [JsonPropertyName("sizeGiB")]
    [Default(30)]
    [Minimum(1)]
    [Maximum(16384)]
    [CelRule("self >= oldSelf", Message = "volume.sizeGiB may grow but never shrink")]
    public int SizeGiB { get; set; } = 30;

    /// <summary>Volume type name or ID; the project's default type when absent. Immutable.</summary>
    [JsonPropertyName("storagePolicy")]
    [MinLength(1)]
    [MaxLength(255)]
    [CelRule("self == oldSelf", Message = "volume.storagePolicy is immutable")]
    public string? StoragePolicy { get; set; }
}
