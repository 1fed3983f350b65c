namespace CloudPe.CloudSimulator.Model;

internal sealed record VolumeAttachment(string AttachmentId, string ServerId, string Device, DateTimeOffset AttachedAt);
