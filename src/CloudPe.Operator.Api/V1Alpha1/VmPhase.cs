using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>Where a VM is in its life cycle.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VmPhase>))]
public enum VmPhase
{
    /// <summary>Accepted; nothing created in the cloud yet.</summary>
    Pending,

    /// <summary>The server is being built.</summary>
    Provisioning,

    /// <summary>The server is active and running.</summary>
    Running,

    /// <summary>The server is shut off.</summary>
    Stopped,

    /// <summary>The server is suspended.</summary>
    Suspended,

    /// <summary>The server is changing flavor.</summary>
    Resizing,

    /// <summary>The server is being deleted.</summary>
    Deleting,

    /// <summary>The cloud put the server in ERROR; the Ready condition carries the fault message.</summary>
    Failed,
}
