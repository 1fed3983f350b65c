using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>Which IP families the VM's port gets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IpMode>))]
public enum IpMode
{
    /// <summary>An IPv4 address only.</summary>
    IPv4,

    /// <summary>An IPv6 address only.</summary>
    IPv6,

    /// <summary>Both an IPv4 and an IPv6 address.</summary>
    DualStack,
}
