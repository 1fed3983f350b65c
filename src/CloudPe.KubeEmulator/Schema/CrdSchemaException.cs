namespace CloudPe.KubeEmulator.Schema;

/// <summary>An openAPIV3Schema cannot be used: not structural, a keyword value is malformed, or a CEL rule is outside the supported subset.</summary>
public sealed class CrdSchemaException : Exception
{
    /// <summary>Creates the exception from the list of problems, each prefixed with the schema path it concerns.</summary>
    public CrdSchemaException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a single problem.</summary>
    public CrdSchemaException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no problem listed.</summary>
    public CrdSchemaException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    public CrdSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, each as "&lt;path&gt;: &lt;what is wrong&gt;".</summary>
    public IReadOnlyList<string> Problems { get; }
}
