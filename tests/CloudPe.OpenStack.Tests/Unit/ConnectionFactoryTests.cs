namespace CloudPe.OpenStack.Tests.Unit;

public sealed class ConnectionFactoryTests
{
    [Fact]
    public void Same_target_shares_one_connection_and_a_new_secret_gets_a_new_one()
    {
        using var factory = new OpenStackConnectionFactory();

        var first = factory.Get(Options("secret-one"));
        var again = factory.Get(Options("secret-one"));
        var rotated = factory.Get(Options("secret-two"));

        Assert.Same(first, again);
        Assert.NotSame(first, rotated);
        Assert.True(factory.Remove(Options("secret-one")));
        Assert.NotSame(first, factory.Get(Options("secret-one")));
    }

    [Fact]
    public void Invalid_options_are_rejected_before_any_connection_exists()
    {
        using var factory = new OpenStackConnectionFactory();

        Assert.Throws<ArgumentException>(() => factory.Get(new OpenStackConnectionOptions { Endpoint = "https://x", ApplicationCredentialId = "a", ApplicationCredentialSecret = "b" }));
    }

    private static OpenStackConnectionOptions Options(string secret) => new()
    {
        Endpoint = "cmp.example.com",
        ProjectPath = "/openstack/14",
        ApplicationCredentialId = "app-cred",
        ApplicationCredentialSecret = secret,
    };
}
