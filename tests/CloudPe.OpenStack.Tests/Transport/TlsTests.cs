using System.Security.Cryptography.X509Certificates;

namespace CloudPe.OpenStack.Tests.Transport;

public sealed class TlsTests
{
    [Fact]
    public async Task Untrusted_certificate_is_an_unreachable_error_that_names_tls()
    {
        await using var server = new TlsLoopbackServer();
        using var connection = new OpenStackConnection(Options(server.Port, extraCa: null));

        var error = await Assert.ThrowsAsync<OpenStackUnreachableException>(() => connection.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(UnreachableReason.Tls, error.Reason);
        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Tls-Secret-98765", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_ca_certificate_makes_the_private_certificate_trusted()
    {
        await using var server = new TlsLoopbackServer();
        using var connection = new OpenStackConnection(Options(server.Port, [X509CertificateLoader.LoadCertificate(server.Certificate.RawData)]));

        // The TLS handshake succeeds, so Keystone's answer (401 here) comes through.
        var error = await Assert.ThrowsAsync<OpenStackAuthenticationException>(() => connection.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", error.ErrorCode);
    }

    private static OpenStackConnectionOptions Options(int port, X509Certificate2[]? extraCa) => new()
    {
        Endpoint = $"127.0.0.1:{port}",
        ProjectPath = "/openstack/14",
        Secure = true,
        ApplicationCredentialId = "tls-cred",
        ApplicationCredentialSecret = "Tls-Secret-98765",
        MaxRetries = 0,
        ExtraCaCertificates = extraCa is null ? null : new X509Certificate2Collection(extraCa),
    };
}
