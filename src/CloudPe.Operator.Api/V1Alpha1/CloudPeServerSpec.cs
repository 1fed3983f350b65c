using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The wanted connection to one CloudPe (OpenStack) project.</summary>
public sealed class CloudPeServerSpec
{
    /// <summary>The default key of <see cref="CaBundleSecretRef"/>.</summary>
    public const string DefaultCaBundleKey = "ca.crt";

    /// <summary>The key of the credentials Secret holding the application credential ID.</summary>
    public const string ApplicationCredentialIdKey = "applicationCredentialId";

    /// <summary>The key of the credentials Secret holding the application credential secret.</summary>
    public const string ApplicationCredentialSecretKey = "applicationCredentialSecret";

    /// <summary>Host of the CloudPe API as host[:port], without scheme or path, e.g. cmp.dashboard.controlcloud.app.</summary>
    [JsonPropertyName("endpoint")]
    [Required]
    [MaxLength(261)]
    [Pattern(@"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:[0-9]{1,5})?$")]
    public string Endpoint { get; set; } = "";

    /// <summary>Path prefix of the project's API proxy, e.g. /openstack/14; "/" for a plain OpenStack.</summary>
    [JsonPropertyName("projectPath")]
    [Default("/")]
    [MaxLength(255)]
    [Pattern(@"^/[^\s?#]*$")]
    public string ProjectPath { get; set; } = "/";

    /// <summary>Use https with certificate verification; false means plain http.</summary>
    [JsonPropertyName("secure")]
    [Default(true)]
    public bool Secure { get; set; } = true;

    /// <summary>Secret in the same namespace with the keys applicationCredentialId and applicationCredentialSecret.</summary>
    [JsonPropertyName("credentialsSecretRef")]
    [Required]
    public SecretReference CredentialsSecretRef { get; set; } = new();

    /// <summary>Optional Secret key with extra PEM trust roots for the endpoint's certificate; key defaults to ca.crt.</summary>
    [JsonPropertyName("caBundleSecretRef")]
    [NestedDefault("key", DefaultCaBundleKey)]
    public SecretKeyReference? CaBundleSecretRef { get; set; }

    /// <summary>Optional region: use only the service catalog endpoints of this region.</summary>
    [JsonPropertyName("region")]
    [MaxLength(255)]
    public string? Region { get; set; }

    /// <summary>Smallest boot volume in GiB for every VM of this server; a VM's volume is never smaller.</summary>
    [JsonPropertyName("minVolumeSizeGiB")]
    [Default(30)]
    [Minimum(1)]
    [Maximum(16384)]
    public int MinVolumeSizeGiB { get; set; } = 30;

    /// <summary>How often the inventory is refreshed, as a positive duration such as 30s, 10m or 1h30m.</summary>
    [JsonPropertyName("inventoryRefreshInterval")]
    [Default("10m")]
    [MaxLength(64)]
    [Pattern(@"^([1-9][0-9]*(\.[0-9]+)?|0?\.[0-9]*[1-9][0-9]*)(ms|h|m|s)([0-9]+(\.[0-9]+)?(ms|h|m|s))*$")]
    public string InventoryRefreshInterval { get; set; } = "10m";
}
