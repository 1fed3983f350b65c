using System.Net;

namespace CloudPe.CloudSimulator.Model;

/// <summary>One IPv4 allocation pool of a subnet (Neutron's <c>allocation_pools</c> entry), inclusive.</summary>
internal sealed record AddressPool(string Start, string End)
{
    public uint First { get; } = ToNumber(Start);
    public uint Last { get; } = ToNumber(End);

    public static uint ToNumber(string address)
    {
        var b = IPAddress.Parse(address).GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    public static string ToAddress(uint number) =>
        new IPAddress([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]).ToString();
}
