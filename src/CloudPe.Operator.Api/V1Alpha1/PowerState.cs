using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The power state of a VM, wanted (spec) or observed (status).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PowerState>))]
public enum PowerState
{
    /// <summary>The VM runs.</summary>
    Running,

    /// <summary>The VM is shut off; its resources stay allocated.</summary>
    Stopped,

    /// <summary>The VM is suspended (the hosting account is suspended).</summary>
    Suspended,
}
