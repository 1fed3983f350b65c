namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>How a finished command ended.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"$ {CommandLine}\nexit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
