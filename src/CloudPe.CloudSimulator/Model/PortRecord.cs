namespace CloudPe.CloudSimulator.Model;

internal sealed class PortRecord
{
    public required string Id { get; init; }
    public required string NetworkId { get; init; }
    public required string MacAddress { get; init; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string DeviceId { get; set; } = "";
    public string DeviceOwner { get; set; } = "";
    public bool AdminStateUp { get; set; } = true;
    public List<FixedIp> FixedIps { get; } = [];
    public List<string> SecurityGroupIds { get; set; } = [];
    public List<string> Tags { get; } = [];
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public int Revision { get; set; } = 1;

    /// <summary>Created by Nova for a server booted with <c>networks:[{uuid}]</c>; deleted with the server.</summary>
    public bool CreatedByCompute { get; set; }

    public void Touch(DateTimeOffset now)
    {
        Updated = now;
        Revision++;
    }
}
