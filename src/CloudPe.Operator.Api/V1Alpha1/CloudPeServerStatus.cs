using System.Text.Json.Serialization;
using CloudPe.Operator.Api.Validation;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The observed state of the connection; never contains the credential.</summary>
public sealed class CloudPeServerStatus
{
    /// <summary>The metadata.generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Ready, Authenticated, CatalogResolved and InventoryReady.</summary>
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    public IList<Condition> Conditions { get; set; } = [];

    /// <summary>Keystone v3 URL the operator authenticates against.</summary>
    [JsonPropertyName("authUrl")]
    public string? AuthUrl { get; set; }

    /// <summary>ID of the project the application credential is scoped to.</summary>
    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    /// <summary>Service URLs resolved from the catalog.</summary>
    [JsonPropertyName("endpoints")]
    public ServiceEndpointsStatus? Endpoints { get; set; }

    /// <summary>Highest compute API microversion the cloud supports, e.g. 2.96.</summary>
    [JsonPropertyName("computeMaxMicroversion")]
    public string? ComputeMaxMicroversion { get; set; }

    /// <summary>Flavors, images, networks, security groups and volume types of the project.</summary>
    [JsonPropertyName("inventory")]
    public ServerInventory? Inventory { get; set; }
}
