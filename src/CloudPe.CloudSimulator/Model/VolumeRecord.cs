namespace CloudPe.CloudSimulator.Model;

internal sealed class VolumeRecord
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public required string Status { get; set; }
    public required int Size { get; set; }
    public required VolumeTypeRecord Type { get; init; }
    public bool Bootable { get; init; }
    public ImageRecord? Image { get; init; }
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
    public List<VolumeAttachment> Attachments { get; } = [];
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public PendingTransition? Pending { get; set; }
}
