using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPe.Controllers;

/// <summary>Declares what else, besides its own objects, triggers a controller's reconciles.</summary>
/// <typeparam name="TResource">The controller's primary resource type.</typeparam>
public sealed class ControllerBuilder<TResource>
    where TResource : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly List<Action<Controller<TResource>, InformerRegistry>> _wiring;

    internal ControllerBuilder(IServiceCollection services, List<Action<Controller<TResource>, InformerRegistry>> wiring)
    {
        Services = services;
        _wiring = wiring;
    }

    /// <summary>The service collection, for chaining further registrations.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Reconciles the owner when an owned object changes: the object's <c>ownerReferences</c> entry with
    /// <c>controller: true</c> and the primary kind names the key (same namespace).
    /// </summary>
    public ControllerBuilder<TResource> Owns<TOwned>()
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        _wiring.Add((controller, informers) => informers.Get<TOwned>().AddHandler((old, current) =>
        {
            EnqueueOwner(controller, old);
            EnqueueOwner(controller, current);
        }));
        return this;
    }

    /// <summary>
    /// Reconciles the keys <paramref name="map"/> returns whenever a <typeparamref name="TOther"/> changes
    /// (for example every server that refers to a changed Secret). Called for the old and the new object.
    /// </summary>
    public ControllerBuilder<TResource> Watches<TOther>(Func<TOther, IEnumerable<ReconcileRequest>> map)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(map);
        _wiring.Add((controller, informers) => informers.Get<TOther>().AddHandler((old, current) =>
        {
            var keys = new HashSet<ReconcileRequest>();
            if (old is not null)
            {
                keys.UnionWith(map(old));
            }

            if (current is not null)
            {
                keys.UnionWith(map(current));
            }

            foreach (var key in keys)
            {
                controller.Queue.Add(key);
            }
        }));
        return this;
    }

    /// <summary>Adds an index on the primary type's cache, for <see cref="IResourceCache{T}.ListByIndex"/>.</summary>
    public ControllerBuilder<TResource> WithIndex(string name, Func<TResource, IEnumerable<string>> indexer)
    {
        Services.AddResourceIndex(name, indexer);
        return this;
    }

    private static void EnqueueOwner(Controller<TResource> controller, IKubernetesObject<V1ObjectMeta>? owned)
    {
        if (owned?.Metadata?.OwnerReferences is not { } owners)
        {
            return;
        }

        foreach (var owner in owners)
        {
            if (owner.Controller == true && owner.Kind == controller.Resource.Kind && owner.ApiVersion == controller.Resource.ApiVersion)
            {
                controller.Queue.Add(new ReconcileRequest(owned.Metadata.NamespaceProperty, owner.Name));
            }
        }
    }
}
