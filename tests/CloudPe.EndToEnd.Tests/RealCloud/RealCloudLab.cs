using CloudPe.OpenStack;

namespace CloudPe.EndToEnd.Tests.RealCloud;

/// <summary>The real OpenStack lab named by the CLOUDPE_TEST_* variables (written by tests/conformance/openstack/setup.sh).</summary>
internal sealed class RealCloudLab(string endpoint, string projectPath, bool secure, string credentialId, string credentialSecret)
{
    public string Endpoint => endpoint;

    public string ProjectPath => projectPath;

    public bool Secure => secure;

    public string CredentialId => credentialId;

    public string CredentialSecret => credentialSecret;

    /// <summary>The lab, or null with the reason when the variables are not set.</summary>
    public static (RealCloudLab? Lab, string Reason) FromEnvironment()
    {
        string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        var endpoint = Get("CLOUDPE_TEST_ENDPOINT");
        if (endpoint is null)
        {
            return (null, "CLOUDPE_TEST_ENDPOINT is not set: no real OpenStack to run against (tests/suites/conformance.sh brings one up)");
        }

        var id = Get("CLOUDPE_TEST_APP_CRED_ID");
        var secret = Get("CLOUDPE_TEST_APP_CRED_SECRET");
        if (id is null || secret is null)
        {
            return (null, "CLOUDPE_TEST_APP_CRED_ID or CLOUDPE_TEST_APP_CRED_SECRET is not set");
        }

        var secure = !string.Equals(Get("CLOUDPE_TEST_SECURE"), "false", StringComparison.OrdinalIgnoreCase);
        return (new RealCloudLab(endpoint, Get("CLOUDPE_TEST_PROJECT_PATH") ?? "/openstack/14", secure, id, secret), "");
    }

    /// <summary>The sandbox's arguments for this cloud (the credential goes in <see cref="SandboxEnvironment"/>).</summary>
    public IEnumerable<string> SandboxArguments() =>
        Secure
            ? ["--cloud-endpoint", Endpoint, "--cloud-project-path", ProjectPath]
            : ["--cloud-endpoint", Endpoint, "--cloud-project-path", ProjectPath, "--cloud-insecure"];

    /// <summary>The credential for the sandbox process, as its environment.</summary>
    public IReadOnlyDictionary<string, string> SandboxEnvironment => new Dictionary<string, string>
    {
        ["CLOUDPE_APP_CRED_ID"] = CredentialId,
        ["CLOUDPE_APP_CRED_SECRET"] = CredentialSecret,
    };

    /// <summary>A connection of the cloud's own API client, as a user with the application credential.</summary>
    public OpenStackConnection Connect() => new(new OpenStackConnectionOptions
    {
        Endpoint = Endpoint,
        ProjectPath = ProjectPath,
        Secure = Secure,
        ApplicationCredentialId = CredentialId,
        ApplicationCredentialSecret = CredentialSecret,
        Region = Environment.GetEnvironmentVariable("CLOUDPE_TEST_REGION") is { Length: > 0 } region ? region : null,
    });
}
