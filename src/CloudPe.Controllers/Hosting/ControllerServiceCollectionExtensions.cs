using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudPe.Controllers;

/// <summary>Registers the controller runtime, controllers, indexes and writers. Needs an <see cref="IKubernetes"/> (a <see cref="Kubernetes"/>) in the container.</summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the shared pieces: informer caches (<see cref="IResourceCache{T}"/>), <see cref="ResourceClient{T}"/>,
    /// <see cref="StatusWriter"/>, <see cref="EventRecorder"/> and the <see cref="ControllerManager"/> hosted service.
    /// Safe to call more than once; <paramref name="configure"/> calls accumulate.
    /// </summary>
    public static IServiceCollection AddControllerRuntime(this IServiceCollection services, Action<ControllerManagerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ControllerManagerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(ControllerManager)))
        {
            return services;
        }

        services.AddOptions<EventRecorderOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.TryAddSingleton(sp => new KubeApi(
            sp.GetRequiredService<IKubernetes>() as Kubernetes ?? throw new InvalidOperationException("The registered IKubernetes must be a k8s.Kubernetes.")));
        services.TryAddSingleton<InformerRegistry>();
        services.TryAddSingleton(sp => new ControllerMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(typeof(IResourceCache<>), typeof(SharedResourceCache<>));
        services.TryAddSingleton<OwnWrites>();
        services.TryAddSingleton(typeof(ResourceClient<>));
        services.TryAddSingleton(sp => new StatusWriter(
            sp.GetRequiredService<KubeApi>(), sp.GetRequiredService<InformerRegistry>(), sp.GetRequiredService<ILogger<StatusWriter>>(), sp.GetRequiredService<OwnWrites>()));
        services.TryAddSingleton(sp => new EventRecorder(
            sp.GetRequiredService<KubeApi>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EventRecorderOptions>>().Value,
            sp.GetRequiredService<ILogger<EventRecorder>>()));
        services.TryAddSingleton(sp => new ControllerManager(
            sp,
            sp.GetRequiredService<InformerRegistry>(),
            sp.GetRequiredService<KubeApi>(),
            sp.GetRequiredService<IOptions<ControllerManagerOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ControllerManager>>(),
            sp.GetServices<IControllerRegistration>()));
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<ControllerManager>());

        return services;
    }

    /// <summary>
    /// Adds a controller for <typeparamref name="TResource"/> reconciled by <typeparamref name="TReconciler"/>
    /// (a singleton). Chain <see cref="ControllerBuilder{TResource}.Owns{TOwned}"/> and
    /// <see cref="ControllerBuilder{TResource}.Watches{TOther}"/> for secondary triggers.
    /// </summary>
    public static ControllerBuilder<TResource> AddController<TResource, TReconciler>(this IServiceCollection services, Action<ControllerOptions>? configure = null)
        where TResource : class, IKubernetesObject<V1ObjectMeta>
        where TReconciler : class, IReconciler<TResource>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddControllerRuntime();
        var options = new ControllerOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton<TReconciler>();
        var registration = new ControllerRegistration<TResource, TReconciler>(options);
        services.AddSingleton<IControllerRegistration>(registration);
        if (options.LabelSelector is not null)
        {
            services.AddSingleton(new InformerCustomization(typeof(TResource), options.LabelSelector, null));
        }

        return new ControllerBuilder<TResource>(services, registration.Wiring);
    }

    /// <summary>
    /// Keeps the cache of <typeparamref name="T"/> compact: each object as its UTF-8 JSON, decoded into a fresh copy on
    /// every read. For types with thousands of objects; reads cost a decode, and nothing read is shared.
    /// </summary>
    public static IServiceCollection AddCompactCache<T>(this IServiceCollection services)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new InformerCustomization(typeof(T), null, null, Compact: true));
        return services;
    }

    /// <summary>Adds a named index to the cache of <typeparamref name="T"/> (e.g. VMs by the server they reference).</summary>
    public static IServiceCollection AddResourceIndex<T>(this IServiceCollection services, string name, Func<T, IEnumerable<string>> indexer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexer);
        services.AddSingleton(new InformerCustomization(typeof(T), null, store => ((ResourceStore<T>)store).AddIndex(name, indexer)));
        return services;
    }
}
