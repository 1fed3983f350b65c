using System.Reflection;

namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sandbox built in the same configuration as this test assembly.</summary>
    public static string SandboxDll => Path.Combine(Root, "src", "CloudPe.Sandbox", "bin", Configuration, "net10.0", "CloudPe.Sandbox.dll");

    private static string Configuration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudPe.Operator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CloudPe.Operator.sln above {AppContext.BaseDirectory}.");
    }
}
