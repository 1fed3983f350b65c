namespace CloudPe.Sandbox;

/// <summary>The cloud the CloudPeServer <c>sandbox</c> points at: the simulator or an external cloud.</summary>
internal sealed class SandboxCloud(string endpoint, string projectPath, bool secure, string credentialId, string credentialSecret)
{
    public const string CredentialIdVariable = "CLOUDPE_APP_CRED_ID";
    public const string CredentialSecretVariable = "CLOUDPE_APP_CRED_SECRET";

    public string Endpoint { get; } = endpoint;

    public string ProjectPath { get; } = projectPath;

    public bool Secure { get; } = secure;

    public string CredentialId { get; } = credentialId;

    public string CredentialSecret { get; } = credentialSecret;

    /// <summary>The project's API root as a user would type it.</summary>
    public Uri ProjectUri => new($"{(Secure ? "https" : "http")}://{Endpoint}/{ProjectPath.Trim('/')}");

    /// <summary>The external cloud named by the options, with the credential from the environment; an error line when it is incomplete.</summary>
    public static (SandboxCloud? Cloud, string? Error) External(SandboxOptions options)
    {
        var id = Environment.GetEnvironmentVariable(CredentialIdVariable);
        var secret = Environment.GetEnvironmentVariable(CredentialSecretVariable);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            // The credential stays off the command line, where every user of the machine could read it.
            return (null, $"--cloud-endpoint needs the application credential in {CredentialIdVariable} and {CredentialSecretVariable}");
        }

        return (new SandboxCloud(options.CloudEndpoint!, options.CloudProjectPath, !options.CloudInsecure, id, secret), null);
    }
}
