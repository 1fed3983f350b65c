namespace CloudPe.OpenStack.Tests.Unit;

public sealed class AuthUrlTests
{
    [Theory]
    [InlineData("cmp.example.com", "/openstack/14", true, "https://cmp.example.com/openstack/14/v3")]
    [InlineData("cmp.example.com", "/openstack/14/", true, "https://cmp.example.com/openstack/14/v3")]
    [InlineData("cmp.example.com", "openstack/14", false, "http://cmp.example.com/openstack/14/v3")]
    [InlineData("cmp.example.com", "/openstack/14/v3", true, "https://cmp.example.com/openstack/14/v3")]
    [InlineData("cmp.example.com", "/openstack/14/v3/", true, "https://cmp.example.com/openstack/14/v3")]
    [InlineData("127.0.0.1:5000", "/", false, "http://127.0.0.1:5000/v3")]
    [InlineData("127.0.0.1:5000", "", false, "http://127.0.0.1:5000/v3")]
    [InlineData("127.0.0.1:5000/", "/v3", false, "http://127.0.0.1:5000/v3")]
    public void Auth_url_is_built_and_normalised(string endpoint, string projectPath, bool secure, string expected)
    {
        var options = Options(endpoint, projectPath, secure);

        Assert.Equal(expected, options.AuthUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://cmp.example.com", "scheme")]
    [InlineData("cmp.example.com/openstack/14", "path")]
    [InlineData("", "required")]
    public void Endpoint_with_scheme_or_path_is_rejected_naming_the_field(string endpoint, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Options(endpoint, "/openstack/14", true).Validate());

        Assert.Equal("Endpoint", error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_secret_is_rejected_without_echoing_anything_secret()
    {
        var options = new OpenStackConnectionOptions { Endpoint = "h", ApplicationCredentialId = "id", ApplicationCredentialSecret = "" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal("ApplicationCredentialSecret", error.ParamName);
    }

    [Fact]
    public void Options_text_never_contains_the_secret()
    {
        var options = Options("cmp.example.com", "/openstack/14", true);

        Assert.DoesNotContain("s3cr3t-value-123", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("app-cred-id", options.ToString(), StringComparison.Ordinal);
    }

    private static OpenStackConnectionOptions Options(string endpoint, string projectPath, bool secure) => new()
    {
        Endpoint = endpoint,
        ProjectPath = projectPath,
        Secure = secure,
        ApplicationCredentialId = "app-cred-id",
        ApplicationCredentialSecret = "s3cr3t-value-123",
    };
}
