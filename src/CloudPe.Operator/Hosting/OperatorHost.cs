using System.Net;
using CloudPe.Controllers;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Cloud;
using CloudPe.Operator.Diagnostics;
using CloudPe.Operator.Reconcilers.Servers;
using CloudPe.Operator.Reconcilers.Vm;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CloudPe.Operator.Hosting;

/// <summary>
/// Builds the operator process: configuration, validated options, Serilog, the Kubernetes client, both
/// controllers, and the HTTP endpoints <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>. Used by
/// <c>Program</c> and by processes that embed the operator (sandbox, tests, benchmarks).
/// </summary>
public static class OperatorHost
{
    /// <summary>
    /// Creates the operator application (not started). Throws <see cref="OptionsValidationException"/> whose
    /// message names every invalid option.
    /// </summary>
    public static WebApplication Create(string[] args, OperatorHostOverrides? overrides = null)
    {
        overrides ??= new OperatorHostOverrides();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides.Settings is { } settings)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = BindOptions(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<OperatorOptions>()
            .Bind(builder.Configuration.GetSection(OperatorOptions.Section))
            .PostConfigure(ApplyDefaults)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();

        ConfigureLogging(builder, options, overrides);
        ConfigureHttp(builder, options, overrides);

        var time = overrides.TimeProvider ?? TimeProvider.System;
        services.AddSingleton(time);
        services.AddSingleton<IKubernetes>(_ => new Kubernetes(overrides.KubernetesConfiguration ?? KubernetesClientConfiguration.BuildDefaultConfig()));
        services.AddControllerRuntime(manager =>
        {
            foreach (var ns in options.WatchNamespaceList)
            {
                manager.WatchNamespaces.Add(ns);
            }

            manager.LeaderElection.Enabled = options.LeaderElection.Enabled;
            manager.LeaderElection.LeaseName = options.LeaderElection.LeaseName;
            manager.LeaderElection.LeaseNamespace = options.LeaderElection.LeaseNamespace;
        });
        services.Configure<EventRecorderOptions>(e => e.Component = "cloudpe-operator");
        services.AddSingleton(sp => new OperatorMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(overrides.CloudConnections ?? new CloudConnectionSettings());
        services.TryAddSingleton<CloudConnectionProvider>();
        // The cache indexes (vms-by-server, servers-by-secret) are registered once, with the CloudPeServer controller.
        services.AddHealthChecks().AddCheck<CacheSyncHealthCheck>("informers", tags: ["ready"]);
        services.AddHostedService<MemoryTrim>();

        services.AddCloudPeServerController(options);
        if (overrides.RunVmController)
        {
            services.AddCloudPeVmController(options);
        }
        overrides.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Runs the operator until SIGTERM / Ctrl+C; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Create(args);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Invalid configuration: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The address the HTTP endpoints listen on once started (useful with <c>Operator:HttpPort=0</c>).</summary>
    public static Uri? HttpAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Urls.FirstOrDefault();
        return address is null ? null : new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    private static OperatorOptions BindOptions(IConfiguration configuration)
    {
        var options = new OperatorOptions();
        configuration.GetSection(OperatorOptions.Section).Bind(options);
        ApplyDefaults(options);

        // Checked here as well as at start: the controllers are registered with these values right away.
        var result = new OperatorOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(OperatorOptions.Section, typeof(OperatorOptions), result.Failures);
        }

        return options;
    }

    private static void ApplyDefaults(OperatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.LeaderElection.LeaseNamespace))
        {
            options.LeaderElection.LeaseNamespace = Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "";
        }

        if (string.IsNullOrEmpty(options.LogFormat))
        {
            options.LogFormat = Console.IsOutputRedirected ? "json" : "text";
        }
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, OperatorOptions options, OperatorHostOverrides overrides)
    {
        builder.Logging.ClearProviders();
        if (overrides.LoggerProvider is { } provider)
        {
            builder.Logging.AddProvider(provider);
        }

        var configuration = builder.Configuration;
        builder.Services.AddSerilog(
            (_, logger) =>
            {
                logger.MinimumLevel.Is(MinimumLevel(configuration))
                    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                    .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                    .ReadFrom.Configuration(configuration)
                    .Enrich.FromLogContext();
                if (overrides.ConsoleLogging)
                {
                    if (options.LogFormat == "json")
                    {
                        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                    }
                    else
                    {
                        logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (overrides.LogSink is { } sink)
                {
                    logger.WriteTo.Logger(sink);
                }
            },
            preserveStaticLogger: true,
            writeToProviders: overrides.LoggerProvider is not null);
    }

    // The manifests set Logging__LogLevel__Default (the Microsoft.Extensions.Logging name); honour it in Serilog.
    private static LogEventLevel MinimumLevel(IConfiguration configuration) =>
        Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], ignoreCase: true, out var level)
            ? level switch
            {
                LogLevel.Trace => LogEventLevel.Verbose,
                LogLevel.Debug => LogEventLevel.Debug,
                LogLevel.Warning => LogEventLevel.Warning,
                LogLevel.Error => LogEventLevel.Error,
                LogLevel.Critical or LogLevel.None => LogEventLevel.Fatal,
                _ => LogEventLevel.Information,
            }
            : LogEventLevel.Information;

    private static void ConfigureHttp(WebApplicationBuilder builder, OperatorOptions options, OperatorHostOverrides overrides)
    {
        // Endpoints come from Operator:HttpPort only; clearing the hosting URL settings (the base image sets
        // ASPNETCORE_HTTP_PORTS) keeps Kestrel from warning that it overrides them.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, "");
        if (overrides.DisableHttp)
        {
            builder.Services.AddSingleton<IServer, NullServer>();
            return;
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.HttpPort == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenAnyIP(options.HttpPort);
            }
        });
    }

    private static void MapEndpoints(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<OperatorMetrics>();
        app.MapMetrics("/metrics", metrics.Registry);
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapGet("/", () => Results.Text("cloudpe-operator: /metrics /healthz /readyz\n"));
    }
}
