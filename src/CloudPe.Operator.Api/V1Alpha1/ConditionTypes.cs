namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The condition types the operator sets on CloudPeServer and CloudPeVM objects.</summary>
public static class ConditionTypes
{
    /// <summary>The object is usable (both kinds); kstatus reads it together with observedGeneration.</summary>
    public const string Ready = "Ready";

    /// <summary>CloudPeServer: Keystone accepted the application credential.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>CloudPeServer: the service catalog gave the compute, network, volume and image endpoints.</summary>
    public const string CatalogResolved = "CatalogResolved";

    /// <summary>CloudPeServer: the inventory of flavors, images, networks, security groups and volume types is current.</summary>
    public const string InventoryReady = "InventoryReady";

    /// <summary>CloudPeVM: the server exists in the cloud.</summary>
    public const string Provisioned = "Provisioned";

    /// <summary>CloudPeVM: the server's power state matches spec.powerState.</summary>
    public const string PowerStateSynced = "PowerStateSynced";

    /// <summary>CloudPeVM: the last action annotation was refused; the reason says why.</summary>
    public const string ActionRejected = "ActionRejected";
}
