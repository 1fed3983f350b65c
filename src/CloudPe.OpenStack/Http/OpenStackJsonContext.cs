using System.Text.Json.Serialization;
using CloudPe.OpenStack.BlockStorage;
using CloudPe.OpenStack.Compute;
using CloudPe.OpenStack.Identity;
using CloudPe.OpenStack.Images;
using CloudPe.OpenStack.Networking;

namespace CloudPe.OpenStack.Http;

/// <summary>Source-generated (reflection-free) JSON metadata of every response the client reads.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenResponseWire))]
[JsonSerializable(typeof(ServerEnvelopeWire))]
[JsonSerializable(typeof(ServerListWire))]
[JsonSerializable(typeof(CreatedServerEnvelopeWire))]
[JsonSerializable(typeof(FlavorListWire))]
[JsonSerializable(typeof(ConsoleEnvelopeWire))]
[JsonSerializable(typeof(VersionEnvelopeWire))]
[JsonSerializable(typeof(NetworkListWire))]
[JsonSerializable(typeof(SubnetListWire))]
[JsonSerializable(typeof(PortListWire))]
[JsonSerializable(typeof(PortEnvelopeWire))]
[JsonSerializable(typeof(SecurityGroupListWire))]
[JsonSerializable(typeof(VolumeTypeListWire))]
[JsonSerializable(typeof(VolumeEnvelopeWire))]
[JsonSerializable(typeof(VolumeListWire))]
[JsonSerializable(typeof(ImageListWire))]
[JsonSerializable(typeof(ImageWire))]
internal sealed partial class OpenStackJsonContext : JsonSerializerContext;
