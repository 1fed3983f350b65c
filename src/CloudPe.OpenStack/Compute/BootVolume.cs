namespace CloudPe.OpenStack.Compute;

/// <summary>Boot from a new volume made from an image (block_device_mapping_v2, boot_index 0).</summary>
/// <param name="ImageId">Source image.</param>
/// <param name="SizeGb">Volume size in GiB.</param>
/// <param name="VolumeType">Cinder volume type name (microversion 2.67), or null for the default.</param>
/// <param name="DeleteOnTermination">Delete the volume with the server.</param>
public sealed record BootVolume(string ImageId, int SizeGb, string? VolumeType = null, bool DeleteOnTermination = true);
