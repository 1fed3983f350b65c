using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Host_gets_one_shared_factory_and_keeps_its_own_clock()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCloudPeOpenStack().BuildServiceProvider();

        var factory = provider.GetRequiredService<OpenStackConnectionFactory>();

        Assert.Same(factory, provider.GetRequiredService<OpenStackConnectionFactory>());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }
}
