namespace CloudPe.OpenStack.Tests.Unit;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("""{"auth":{"identity":{"application_credential":{"id":"abc","secret":"TopSecret1"}}}}""", "TopSecret1")]
    [InlineData("""{"server":{"name":"vm","adminPass":"Pa$$w0rd!"}}""", "Pa$$w0rd!")]
    [InlineData("""{"changePassword":{"adminPass": "N3wPassw0rd!"}}""", "N3wPassw0rd!")]
    [InlineData("""{"user":{"password":"hunter22"}}""", "hunter22")]
    [InlineData("X-Auth-Token: gAAAAABk-token-value", "gAAAAABk-token-value")]
    [InlineData("x-subject-token=gAAAAABk-subject", "gAAAAABk-subject")]
    [InlineData("password=hunter22&user=bob", "hunter22")]
    public void Sensitive_values_are_masked(string text, string secret)
    {
        var redacted = Redactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_values_are_kept()
    {
        var redacted = Redactor.Redact("""{"server":{"name":"vm-1","flavorRef":"m1.small"}}""");

        Assert.Contains("vm-1", redacted, StringComparison.Ordinal);
        Assert.Contains("m1.small", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_secret_values_are_masked_anywhere()
    {
        var redacted = Redactor.Redact("Invalid application credential: TopSecret1 is wrong", "TopSecret1", null);

        Assert.Equal("Invalid application credential: *** is wrong", redacted);
    }

    [Theory]
    [InlineData("secret", true)]
    [InlineData("adminPass", true)]
    [InlineData("ADMINPASS", true)]
    [InlineData("password", true)]
    [InlineData("new_password", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("X-Subject-Token", true)]
    [InlineData("name", false)]
    [InlineData("flavorRef", false)]
    public void Sensitive_keys_are_recognised(string key, bool sensitive) => Assert.Equal(sensitive, Redactor.IsSensitiveKey(key));
}
