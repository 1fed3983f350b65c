namespace CloudPe.Operator.Crds;

/// <summary>A generated manifest: its file name and its full text.</summary>
internal sealed record GeneratedFile(string FileName, string Content);
