using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Fleet;
using CloudPe.Operator.Hosting;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>Registers the CloudPeVM controller.</summary>
public static class VmControllerRegistration
{
    /// <summary>Configuration key of the poll interval of a VM in transition (default 2 s).</summary>
    public const string TransitionPollIntervalKey = "Operator:TransitionPollInterval";

    /// <summary>
    /// Adds the CloudPeVM controller: resync every <see cref="OperatorOptions.ResyncInterval"/> against the fleet
    /// snapshot, owned <c>&lt;name&gt;-credentials</c> Secrets, Secrets named by passwordSecretRef, and CloudPeServers.
    /// </summary>
    public static IServiceCollection AddCloudPeVmController(this IServiceCollection services, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp => new FleetSettings
        {
            ResyncInterval = options.ResyncInterval,
            PageSize = options.FleetPageSize,
            PackServers = options.CompactCache,
            TransitionPollInterval = sp.GetService<IConfiguration>()?.GetValue<TimeSpan?>(TransitionPollIntervalKey) ?? TimeSpan.FromSeconds(2),
        });
        services.AddSingleton<FleetSnapshots>();
        services.AddSingleton<VmPhaseTracker>();
        services.AddSingleton<ActionLedger>();
        services.AddSingleton<SubnetCache>();
        services.AddSingleton<VmServices>();
        var lookup = new VmReferenceLookup();
        services.AddSingleton(lookup);
        services.AddController<CloudPeVM, VmReconciler>(controller =>
            {
                controller.Name = "cloudpevm";
                controller.MaxConcurrentReconciles = options.MaxConcurrentReconciles;
                controller.ResyncPeriod = options.ResyncInterval;
            })
            .WithIndex(VmReferenceLookup.VmsByPasswordSecret, VmReferenceLookup.PasswordSecretOf)
            .Owns<V1Secret>()
            .Watches<V1Secret>(lookup.VmsUsing)
            .Watches<CloudPeServer>(lookup.VmsOf);
        return services;
    }
}
