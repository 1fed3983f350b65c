using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The wanted virtual machine.</summary>
public sealed class CloudPeVMSpec
{
    /// <summary>The default key of <see cref="PasswordSecretRef"/>.</summary>
    public const string DefaultPasswordKey = "password";

    /// <summary>CloudPeServer in the same namespace whose project hosts the VM.</summary>
    [JsonPropertyName("serverRef")]
    [Required]
    public LocalObjectReference ServerRef { get; set; } = new();

    /// <summary>Hostname of the VM (RFC 1123 label); defaults to metadata.name.</summary>
    [JsonPropertyName("hostname")]
    [MaxLength(63)]
    [Pattern(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string? Hostname { get; set; }

    /// <summary>Flavor name or ID; a change resizes the VM, which keeps its power state.</summary>
    [JsonPropertyName("flavor")]
    [Required]
    [MinLength(1)]
    [MaxLength(255)]
    public string Flavor { get; set; } = "";

    /// <summary>Image name or ID the boot volume is created from. Immutable.</summary>
    [JsonPropertyName("image")]
    [Required]
    [MinLength(1)]
    [MaxLength(255)]
    [CelRule("self == oldSelf", Message = "image is immutable")]
    public string Image { get; set; } = "";

    /// <summary>Network name or ID the VM is attached to. Immutable.</summary>
    [JsonPropertyName("network")]
    [Required]
    [MinLength(1)]
    [MaxLength(255)]
    [CelRule("self == oldSelf", Message = "network is immutable")]
    public string Network { get; set; } = "";

    /// <summary>IP families of the VM's port: IPv4, IPv6 or DualStack. Immutable.</summary>
    [JsonPropertyName("ipMode")]
    [Default(IpMode.IPv4)]
    [CelRule("self == oldSelf", Message = "ipMode is immutable")]
    public IpMode IpMode { get; set; } = IpMode.IPv4;

    /// <summary>Security group name or ID.</summary>
    [JsonPropertyName("securityGroup")]
    [Default("default")]
    [MinLength(1)]
    [MaxLength(255)]
    public string SecurityGroup { get; set; } = "default";

    /// <summary>The boot volume.</summary>
    [JsonPropertyName("volume")]
    [DefaultEmptyObject]
    public VolumeSpec Volume { get; set; } = new();

    /// <summary>Wanted power state: Running, Stopped or Suspended.</summary>
    [JsonPropertyName("powerState")]
    [Default(PowerState.Running)]
    public PowerState PowerState { get; set; } = PowerState.Running;

    /// <summary>
    /// Secret key holding the VM's password (key defaults to password). When absent the operator creates
    /// the Secret &lt;name&gt;-credentials with a generated password.
    /// </summary>
    [JsonPropertyName("passwordSecretRef")]
    [NestedDefault("key", DefaultPasswordKey)]
    public SecretKeyReference? PasswordSecretRef { get; set; }

    /// <summary>Name of a Nova keypair to inject; optional.</summary>
    [JsonPropertyName("keyName")]
    [MaxLength(255)]
    public string? KeyName { get; set; }

    /// <summary>Delete removes the cloud server and its leftover ports and volumes; Orphan leaves them.</summary>
    [JsonPropertyName("deletionPolicy")]
    [Default(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; set; } = DeletionPolicy.Delete;
}
