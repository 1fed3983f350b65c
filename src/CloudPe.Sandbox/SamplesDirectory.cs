namespace CloudPe.Sandbox;

/// <summary>Finds config/samples so the printed commands can be pasted from wherever the sandbox was started.</summary>
internal static class SamplesDirectory
{
    private static readonly string Relative = Path.Combine("config", "samples");

    /// <summary>"config/samples/" below the current directory, else its absolute path, so a pasted command works from here.</summary>
    public static string ForPrinting()
    {
        var cwd = Directory.GetCurrentDirectory();
        foreach (var start in new[] { cwd, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (Directory.Exists(candidate))
                {
                    var relative = Path.GetRelativePath(cwd, candidate);
                    return (relative.StartsWith("..", StringComparison.Ordinal) ? candidate : relative).Replace('\\', '/') + "/";
                }
            }
        }

        return "config/samples/";
    }
}
