using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>What happens to the cloud resources when the CloudPeVM is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Delete the server and its leftover ports and volumes.</summary>
    Delete,

    /// <summary>Leave the server, ports and volumes in the cloud.</summary>
    Orphan,
}
