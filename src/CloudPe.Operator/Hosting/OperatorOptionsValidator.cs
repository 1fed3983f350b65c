using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CloudPe.Operator.Hosting;

/// <summary>Start-up validation of <see cref="OperatorOptions"/>: every message names the option and the allowed values.</summary>
internal sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrentReconciles is < 1 or > 256)
        {
            errors.Add($"Operator:MaxConcurrentReconciles must be between 1 and 256 (got {options.MaxConcurrentReconciles}).");
        }

        if (options.ResyncInterval < TimeSpan.FromSeconds(10) || options.ResyncInterval > TimeSpan.FromHours(24))
        {
            errors.Add($"Operator:ResyncInterval must be between 00:00:10 and 1.00:00:00 (got {options.ResyncInterval}).");
        }

        if (options.FleetPageSize is < 1 or > 1000)
        {
            errors.Add($"Operator:FleetPageSize must be between 1 and 1000 (got {options.FleetPageSize}).");
        }

        if (options.HttpPort is < 0 or > 65535)
        {
            errors.Add($"Operator:HttpPort must be between 0 and 65535 (got {options.HttpPort}).");
        }

        if (options.LogFormat is not ("" or "json" or "text"))
        {
            errors.Add($"Operator:LogFormat must be json or text (got '{options.LogFormat}').");
        }

        foreach (var ns in options.WatchNamespaceList.Where(n => !DnsLabel().IsMatch(n)))
        {
            errors.Add($"Operator:WatchNamespaces contains '{ns}', which is not a namespace name (lowercase letters, digits and '-').");
        }

        if (options.LeaderElection.Enabled)
        {
            if (string.IsNullOrWhiteSpace(options.LeaderElection.LeaseName) || !DnsSubdomain().IsMatch(options.LeaderElection.LeaseName))
            {
                errors.Add($"Operator:LeaderElection:LeaseName must be a DNS subdomain name (got '{options.LeaderElection.LeaseName}').");
            }

            if (string.IsNullOrWhiteSpace(options.LeaderElection.LeaseNamespace))
            {
                errors.Add("Operator:LeaderElection:LeaseNamespace is empty: set it or the POD_NAMESPACE environment variable, or disable Operator:LeaderElection:Enabled.");
            }
            else if (!DnsLabel().IsMatch(options.LeaderElection.LeaseNamespace))
            {
                errors.Add($"Operator:LeaderElection:LeaseNamespace '{options.LeaderElection.LeaseNamespace}' is not a namespace name.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
