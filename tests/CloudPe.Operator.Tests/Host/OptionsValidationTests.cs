using CloudPe.Operator.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Operator:MaxConcurrentReconciles", "0", "Operator:MaxConcurrentReconciles must be between 1 and 256 (got 0).")]
    [InlineData("Operator:ResyncInterval", "00:00:01", "Operator:ResyncInterval must be between 00:00:10 and 1.00:00:00 (got 00:00:01).")]
    [InlineData("Operator:FleetPageSize", "5000", "Operator:FleetPageSize must be between 1 and 1000 (got 5000).")]
    [InlineData("Operator:HttpPort", "70000", "Operator:HttpPort must be between 0 and 65535 (got 70000).")]
    [InlineData("Operator:LogFormat", "xml", "Operator:LogFormat must be json or text (got 'xml').")]
    [InlineData("Operator:WatchNamespaces", "tenant-a, Tenant_B", "Operator:WatchNamespaces contains 'Tenant_B', which is not a namespace name")]
    [InlineData("Operator:LeaderElection:LeaseName", "Not A Name", "Operator:LeaderElection:LeaseName must be a DNS subdomain name (got 'Not A Name').")]
    public void An_invalid_option_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Operator:LeaderElection:LeaseNamespace"] = "cloudpe-system",
            [key] = value,
        };

        var error = Assert.Throws<OptionsValidationException>(() => OperatorHost.Create([], new OperatorHostOverrides { Settings = settings, ConsoleLogging = false }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leader_election_without_a_lease_namespace_says_how_to_fix_it()
    {
        var previous = Environment.GetEnvironmentVariable("POD_NAMESPACE");
        Assert.SkipWhen(!string.IsNullOrEmpty(previous), "POD_NAMESPACE is set in this environment, so the Lease namespace is never empty here.");
        var settings = new Dictionary<string, string?> { ["Operator:LeaderElection:Enabled"] = "true" };

        var error = Assert.Throws<OptionsValidationException>(() => OperatorHost.Create([], new OperatorHostOverrides { Settings = settings, ConsoleLogging = false }));

        Assert.Contains("Operator:LeaderElection:LeaseNamespace is empty: set it or the POD_NAMESPACE environment variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_match_the_manifests()
    {
        var options = new OperatorOptions();

        Assert.Equal(16, options.MaxConcurrentReconciles);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ResyncInterval);
        Assert.Equal(100, options.FleetPageSize);
        Assert.True(options.LeaderElection.Enabled);
        Assert.Equal("cloudpe-operator-leader", options.LeaderElection.LeaseName);
        Assert.Equal(8080, options.HttpPort);
        Assert.Empty(options.WatchNamespaceList);
        Assert.Equal(["a", "b"], new OperatorOptions { WatchNamespaces = " a, b ,a" }.WatchNamespaceList);
    }
}
