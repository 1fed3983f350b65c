namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>A directory under /tmp removed on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cloudpe-e2e-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
