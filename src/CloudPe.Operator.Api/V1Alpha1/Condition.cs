using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>One aspect of the object's current state, shaped like metav1.Condition.</summary>
public sealed class Condition
{
    /// <summary>Type of the condition in CamelCase, e.g. Ready.</summary>
    [JsonPropertyName("type")]
    [Required]
    [MaxLength(316)]
    [Pattern(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")]
    public string Type { get; set; } = "";

    /// <summary>Status of the condition: True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    [Required]
    [EnumValues(ConditionStatus.True, ConditionStatus.False, ConditionStatus.Unknown)]
    public string Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>The metadata.generation the condition was set for; older than the object's generation means stale.</summary>
    [JsonPropertyName("observedGeneration")]
    [Minimum(0)]
    public long? ObservedGeneration { get; set; }

    /// <summary>When the condition last changed from one status to another.</summary>
    [JsonPropertyName("lastTransitionTime")]
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>A CamelCase word saying why the condition has its status, e.g. CredentialsNotFound.</summary>
    [JsonPropertyName("reason")]
    [MaxLength(1024)]
    public string? Reason { get; set; }

    /// <summary>A human readable explanation of the status.</summary>
    [JsonPropertyName("message")]
    [MaxLength(32768)]
    public string? Message { get; set; }
}
