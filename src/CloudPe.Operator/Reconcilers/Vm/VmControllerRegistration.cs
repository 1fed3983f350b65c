using CloudPe.Operator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>Registers the CloudPeVM controller.</summary>
public static class VmControllerRegistration
{
    /// <summary>Adds the CloudPeVM controller (placeholder until the controller exists).</summary>
    public static IServiceCollection AddCloudPeVmController(this IServiceCollection services, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }
}
