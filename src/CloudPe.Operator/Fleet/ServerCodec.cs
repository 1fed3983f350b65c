using System.Text.Json.Serialization;
using CloudPe.Controllers;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Operator.Fleet;

/// <summary>
/// How the fleet snapshot keeps a server: its record as packed JSON (<see cref="PackedJson"/>, about 0.5 KB instead
/// of ~1.1 KB of objects and strings), decoded into a fresh record, every field as the cloud sent it, on each read.
/// </summary>
internal static class ServerCodec
{
    public static byte[] Encode(Server server) => PackedJson.Pack(server, ServerJsonContext.Default.Server);

    public static Server Decode(byte[] packed) => PackedJson.Unpack(packed, ServerJsonContext.Default.Server);
}

/// <summary>Source-generated serializer of the snapshot's server records.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Server))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
