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
        var tagged = await network.ListPortsAsync(new PortQuery(Tags: [tag]), cancellationToken).ConfigureAwait(false);
        if (tagged.Count > 0)
        {
            return tagged[0];
        }

        var portName = VmStamp.PortName(ctx.Uid);
        var onNetwork = await network.ListPortsAsync(new PortQuery(NetworkId: refs.Network.Id), cancellationToken).ConfigureAwait(false);
        if (onNetwork.FirstOrDefault(p => p.Name == portName) is { } untagged)
        {
            await network.AddTagAsync("ports", untagged.Id, tag, cancellationToken).ConfigureAwait(false);
            return untagged;
        }

        var subnets = await network.ListSubnetsAsync(refs.Network.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
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

        var port = await network.CreatePortAsync(new CreatePortRequest(refs.Network.Id, chosen, [refs.SecurityGroup.Id], portName), cancellationToken).ConfigureAwait(false);
        await network.AddTagAsync("ports", port.Id, tag, cancellationToken).ConfigureAwait(false);
        await ctx.NormalAsync(VmReasons.PortCreated, $"Created port {port.Id} on network {refs.Network.Name} ({ctx.Spec.IpMode}).", cancellationToken).ConfigureAwait(false);
        return port;
    }
}
