namespace CloudPe.Reliability.Tests.Harness;

/// <summary>The directory holding CloudPe.Operator.sln, found from the binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CloudPe.Operator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CloudPe.Operator.sln not found above " + AppContext.BaseDirectory);
    }
}
