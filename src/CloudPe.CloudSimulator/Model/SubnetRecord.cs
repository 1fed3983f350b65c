using System.Net;

namespace CloudPe.CloudSimulator.Model;

/// <summary>A subnet; IPv4 hands out addresses from its pools, IPv6 is SLAAC (EUI-64 from the port MAC).</summary>
internal sealed class SubnetRecord(string id, string name, string networkId, int ipVersion, string cidr, string gatewayIp, IReadOnlyList<AddressPool> pools)
{
    private int _pool;
    private uint _next = pools.Count > 0 ? pools[0].First : 0;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public string NetworkId { get; } = networkId;
    public int IpVersion { get; } = ipVersion;
    public string Cidr { get; } = cidr;
    public string GatewayIp { get; } = gatewayIp;

    /// <summary>IPv4 allocation pools in the order they are used (empty for SLAAC subnets).</summary>
    public IReadOnlyList<AddressPool> Pools { get; } = pools;

    /// <summary>Next free IPv4 address (next fit through the pools, wrapping around), skipping the ones in use.</summary>
    public string? AllocateIpv4(IReadOnlySet<string> inUse)
    {
        var size = Pools.Sum(p => (long)p.Last - p.First + 1);
        for (long attempt = 0; attempt < size; attempt++)
        {
            var address = AddressPool.ToAddress(_next);
            if (_next >= Pools[_pool].Last)
            {
                _pool = (_pool + 1) % Pools.Count;
                _next = Pools[_pool].First;
            }
            else
            {
                _next++;
            }

            if (!inUse.Contains(address))
            {
                return address;
            }
        }

        return null;
    }

    public bool Contains(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }

        return IPNetwork.TryParse(Cidr, out var network) && network.Contains(ip);
    }

    /// <summary>EUI-64 interface identifier from the MAC: flip the U/L bit, insert ff:fe.</summary>
    public string Eui64(string mac)
    {
        var b = mac.Split(':').Select(p => Convert.ToByte(p, 16)).ToArray();
        b[0] ^= 0x02;
        var network = IPNetwork.Parse(Cidr);
        var bytes = network.BaseAddress.GetAddressBytes();
        byte[] iid = [b[0], b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
        iid.CopyTo(bytes, 8);
        return new IPAddress(bytes).ToString();
    }
}
