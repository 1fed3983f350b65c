using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

public sealed class ResourceIndexRegistrationTests
{
    /// <summary>
    /// Each cache index is built once per informer: a second registration of the same index is a second
    /// customization that every informer start runs for nothing.
    /// </summary>
    [Fact]
    public void Each_cache_index_is_registered_once()
    {
        var indexes = Customizations(compactCache: null)
            .Where(instance => Property(instance, "Apply") is not null && Property(instance, "LabelSelector") is null)
            .Select(instance => (Type)Property(instance, "ResourceType")!)
            .ToList();

        // CloudPeVM: vms-by-server and vms-by-password-secret; CloudPeServer: servers-by-secret.
        Assert.Equal(2, indexes.Count(t => t == typeof(CloudPeVM)));
        Assert.Equal(1, indexes.Count(t => t == typeof(CloudPeServer)));
    }

    [Theory]
    [InlineData(null, new[] { "CloudPeVM", "V1Secret" })]
    [InlineData("false", new string[0])]
    public void CloudPeVMs_and_Secrets_are_cached_packed_unless_CompactCache_is_off(string? compactCache, string[] compacted)
    {
        var types = Customizations(compactCache)
            .Where(instance => Property(instance, "Compact") is true)
            .Select(instance => ((Type)Property(instance, "ResourceType")!).Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(compacted, types);
    }

    // The informer customizations (indexes, selectors, compact storage) the operator host registers.
    private static List<object> Customizations(string? compactCache)
    {
        IServiceCollection? captured = null;
        var settings = new Dictionary<string, string?> { ["Operator:LeaderElection:Enabled"] = "false" };
        if (compactCache is not null)
        {
            settings["Operator:CompactCache"] = compactCache;
        }

        using var host = OperatorHost.Create([], new OperatorHostOverrides
        {
            Settings = settings,
            ConsoleLogging = false,
            DisableHttp = true,
            ConfigureServices = services => captured = services,
        });

        Assert.NotNull(captured);
        return [.. captured.Where(d => d.ServiceType.Name == "InformerCustomization" && d.ImplementationInstance is not null).Select(d => d.ImplementationInstance!)];
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);
}
