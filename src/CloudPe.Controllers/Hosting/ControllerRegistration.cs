using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers;

/// <summary>What <c>AddController</c> recorded: the reconciler type, options and the secondary watches.</summary>
internal sealed class ControllerRegistration<TResource, TReconciler>(ControllerOptions options) : IControllerRegistration
    where TResource : class, IKubernetesObject<V1ObjectMeta>
    where TReconciler : class, IReconciler<TResource>
{
    public ControllerOptions Options { get; } = options;

    public List<Action<Controller<TResource>, InformerRegistry>> Wiring { get; } = [];

    public IControllerRunner Create(IServiceProvider services)
    {
        var informers = services.GetRequiredService<InformerRegistry>();
        var resource = ResourceMetadata.Of<TResource>();
        var name = Options.Name ?? resource.Kind;
        var controller = new Controller<TResource>(
            name,
            Options,
            services.GetRequiredService<TReconciler>(),
            informers.Get<TResource>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger($"CloudPe.Controllers.Controller.{name}"),
            services.GetRequiredService<ControllerMetrics>(),
            services.GetService<OwnWrites>());
        foreach (var wire in Wiring)
        {
            wire(controller, informers);
        }

        return controller;
    }
}
