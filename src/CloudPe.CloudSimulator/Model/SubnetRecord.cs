using System.Net;

namespace CloudPe.CloudSimulator.Model;

/// <summary>A subnet; IPv4 hands out addresses from a pool, IPv6 is SLAAC (EUI-64 from the port MAC).</summary>
internal sealed class SubnetRecord(string id, string name, string networkId, int ipVersion, string cidr, string gatewayIp, int poolStart, int poolEnd)
{
    private int _next = poolStart;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public string NetworkId { get; } = networkId;
    public int IpVersion { get; } = ipVersion;
    public string Cidr { get; } = cidr;
    public string GatewayIp { get; } = gatewayIp;
    public int PoolStart { get; } = poolStart;
    public int PoolEnd { get; } = poolEnd;

    /// <summary>Next free IPv4 address of the pool (host part), skipping the ones in use.</summary>
    public string? AllocateIpv4(ISet<string> inUse)
    {
        var prefix = Cidr[..Cidr.LastIndexOf('.')];
        for (var attempt = 0; attempt <= PoolEnd - PoolStart; attempt++)
        {
            var host = _next;
            _next = _next >= PoolEnd ? PoolStart : _next + 1;
            var address = $"{prefix}.{host}";
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
