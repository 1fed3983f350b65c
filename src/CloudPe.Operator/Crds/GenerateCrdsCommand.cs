namespace CloudPe.Operator.Crds;

/// <summary>
/// The <c>generate-crds</c> verb: writes the CRD manifests generated from the API types.
/// Without options it updates config/crd (with its kustomization) and the Helm chart's crds/ folder
/// of the repository the current directory is in.
/// </summary>
internal static class GenerateCrdsCommand
{
    public const string Verb = "generate-crds";

    private const string Usage = """
        Usage: cloudpe-operator generate-crds [--output-dir DIR ...] [--kustomize-dir DIR ...]

        Writes cloudpe.io_cloudpeservers.yaml and cloudpe.io_cloudpevms.yaml, generated from the API types.
          --output-dir DIR      write the CRD manifests into DIR (e.g. a Helm chart's crds/ folder)
          --kustomize-dir DIR   write the CRD manifests and a Kustomization file listing them into DIR
        Without options: --kustomize-dir config/crd --output-dir charts/cloudpe-operator/crds,
        relative to the repository root (the folder holding CloudPe.Operator.sln).
        """;

    public static bool Matches(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    /// <summary>Runs the verb with the arguments after it; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var plainDirs = new List<string>();
        var kustomizeDirs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--output-dir" when i + 1 < args.Count:
                    plainDirs.Add(args[++i]);
                    break;
                case "--kustomize-dir" when i + 1 < args.Count:
                    kustomizeDirs.Add(args[++i]);
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"generate-crds: unexpected argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        if (plainDirs.Count == 0 && kustomizeDirs.Count == 0)
        {
            if (FindRepositoryRoot(Directory.GetCurrentDirectory()) is not { } root)
            {
                error.WriteLine("generate-crds: not inside the repository (no CloudPe.Operator.sln above the current directory); pass --output-dir.");
                return 2;
            }

            kustomizeDirs.Add(Path.Combine(root, "config", "crd"));
            plainDirs.Add(Path.Combine(root, "charts", "cloudpe-operator", "crds"));
        }

        var crds = CrdGenerator.GenerateCrds();
        foreach (var dir in plainDirs)
        {
            Write(dir, crds, output);
        }

        foreach (var dir in kustomizeDirs)
        {
            Write(dir, [.. crds, CrdGenerator.GenerateKustomization()], output);
        }

        return 0;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding CloudPe.Operator.sln.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudPe.Operator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static void Write(string dir, IEnumerable<GeneratedFile> files, TextWriter output)
    {
        Directory.CreateDirectory(dir);
        foreach (var file in files)
        {
            var path = Path.Combine(dir, file.FileName);
            File.WriteAllText(path, file.Content);
            output.WriteLine($"wrote {path}");
        }
    }
}
