using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack;

/// <summary>Registers the OpenStack client in a host.</summary>
public static class OpenStackServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="OpenStackConnectionFactory"/> (one shared connection per CloudPeServer target) using the
    /// host's <see cref="ILoggerFactory"/> and <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    public static IServiceCollection AddCloudPeOpenStack(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new OpenStackConnectionFactory(sp.GetService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
