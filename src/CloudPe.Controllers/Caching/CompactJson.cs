using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace CloudPe.Controllers;

/// <summary>
/// The compact form of a cached object: its JSON packed (<see cref="PackedJson"/>), decoded with the Kubernetes
/// client's serializer settings each time it is read. One byte array per object instead of a graph of objects and
/// strings.
/// </summary>
internal static class CompactJson
{
    private static readonly JsonSerializerOptions Options = CaptureOptions();

    /// <summary>Packs <paramref name="node"/> and decodes it from the same UTF-8 text (no unpacking).</summary>
    public static byte[] Encode<T>(JsonNode node, out T item)
    {
        var json = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(json))
        {
            node.WriteTo(writer);
        }

        item = JsonSerializer.Deserialize<T>(json.WrittenSpan, Options) ?? throw new JsonException($"A {typeof(T).Name} decoded to null.");
        return PackedJson.Pack(json.WrittenSpan);
    }

    public static byte[] Encode<T>(T item) => PackedJson.Pack(JsonSerializer.SerializeToUtf8Bytes(item, Options));

    public static T Decode<T>(byte[] compact) => PackedJson.Unpack<T>(compact, Options);

    // The client's own options (converters for quantities, int-or-string, timestamps); only read, never changed.
    private static JsonSerializerOptions CaptureOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        return captured ?? throw new InvalidOperationException("The Kubernetes client did not expose its JSON options.");
    }
}
