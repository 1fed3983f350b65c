using CloudPe.OpenStack.Networking;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// The VM's port: one fixed IP from a subnet of each asked IP version, the security group applied, tagged with the
/// UID stamp. An existing stamped port is adopted instead of creating a second one (also one whose tagging was
/// interrupted: it is found by its stamped name).
/// </summary>
internal static class EnsurePort
{
    public static async Task<Port?> RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        var refs = ctx.Refs!;
        var network = ctx.Cloud.Networking;
        var tag = VmStamp.Tag(ctx.Uid);
        var portName = VmStamp.PortName(ctx.Uid);

        // A VM that never had a create attempt cannot have a port yet: no need to look for one.
        if (!ctx.NothingCreatedYet)
        {
            var tagged = await network.ListPortsAsync(new PortQuery(Tags: [tag]), cancellationToken).ConfigureAwait(false);
            if (tagged.Count > 0)
            {
                return tagged[0];
            }

            // Interrupted between create and tag: the port carries the stamped name but no tag yet.
            var named = await network.ListPortsAsync(new PortQuery(NetworkId: refs.Network.Id, Name: portName), cancellationToken).ConfigureAwait(false);
            if (named.FirstOrDefault(p => p.Name == portName) is { } untagged)
            {
                await network.AddTagAsync("ports", untagged.Id, tag, cancellationToken).ConfigureAwait(false);
                return untagged;
            }
        }

        var subnets = await ctx.Services.Subnets.GetAsync(ctx.ServerKey, refs.Network.Id, ctx.Cloud, cancellationToken).ConfigureAwait(false);
        var chosen = new List<string>();
        foreach (var version in refs.IpVersions)
        {
            var subnet = subnets.Where(s => s.IpVersion == version).OrderBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
            if (subnet is null)
            {
                ctx.Block(VmReasons.IpVersionUnavailable, $"spec.ipMode {ctx.Spec.IpMode}: network '{refs.Network.Name}' has no IPv{version} subnet.", stalled: true);
                return null;
            }

            chosen.Add(subnet.Id);
        }

        Port port;
        try
        {
            port = await network.CreatePortAsync(new CreatePortRequest(refs.Network.Id, chosen, [refs.SecurityGroup.Id], portName), cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStack.OpenStackException)
        {
            // Perhaps a subnet changed under the cached list: read it again next time.
            ctx.Services.Subnets.Forget(ctx.ServerKey, refs.Network.Id);
            throw;
        }

        // From here on this VM has something in the cloud: a retry must look before creating.
        ctx.NothingCreatedYet = false;
        await network.AddTagAsync("ports", port.Id, tag, cancellationToken).ConfigureAwait(false);
        return port;
    }
}
