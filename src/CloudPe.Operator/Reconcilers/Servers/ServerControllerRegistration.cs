using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Hosting;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Registers the CloudPeServer controller.</summary>
public static class ServerControllerRegistration
{
    /// <summary>
    /// Adds the CloudPeServer controller: reconciles on every CloudPeServer change, on changes of the Secrets they
    /// use (credential rotation), on CloudPeVM changes while their server is being deleted, and every resync.
    /// </summary>
    public static IServiceCollection AddCloudPeServerController(this IServiceCollection services, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var maps = new ServerWatchMaps();
        services.AddSingleton(maps);
        services.AddResourceIndex<CloudPeServer>(ResourceIndexes.ServersBySecret, ResourceIndexes.SecretsOf);
        services.AddResourceIndex<CloudPeVM>(ResourceIndexes.VmsByServer, ResourceIndexes.ServerOf);

        // Thousands of VMs and their password Secrets: kept packed, decoded on read (see docs/performance.md).
        if (options.CompactCache)
        {
            services.AddCompactCache<CloudPeVM>();
            services.AddCompactCache<V1Secret>();
        }
        services.AddSingleton<TransientRetry>();
        services.AddController<CloudPeServer, CloudPeServerReconciler>(controller =>
            {
                controller.Name = "cloudpeserver";
                controller.MaxConcurrentReconciles = options.MaxConcurrentReconciles;
                controller.ResyncPeriod = options.ResyncInterval;
            })
            .Watches<V1Secret>(maps.ServersUsing)
            .Watches<CloudPeVM>(maps.DeletingServerOf);
        return services;
    }
}
