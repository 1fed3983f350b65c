using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace CloudPe.Controllers;

/// <summary>
/// The compact form of a cached object: its UTF-8 JSON, Brotli-compressed (fastest level) behind a 4-byte length,
/// decoded with the Kubernetes client's serializer settings each time it is read. One byte array per object instead
/// of a graph of objects and strings: a 1.9 KB CloudPeVM is kept in about 1 KB.
/// </summary>
internal static class CompactJson
{
    private const int Quality = 1;
    private const int Window = 16;
    private const int LengthPrefix = sizeof(int);
    private static readonly JsonSerializerOptions Options = CaptureOptions();

    public static byte[] Encode(JsonNode node)
    {
        var json = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(json))
        {
            node.WriteTo(writer);
        }

        return Compress(json.WrittenSpan);
    }

    public static byte[] Encode<T>(T item) => Compress(JsonSerializer.SerializeToUtf8Bytes(item, Options));

    public static T Decode<T>(byte[] compact)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(compact);
        var json = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(compact.AsSpan(LengthPrefix), json, out var written) || written != length)
            {
                throw new JsonException($"A cached {typeof(T).Name} could not be decompressed.");
            }

            return JsonSerializer.Deserialize<T>(json.AsSpan(0, length), Options)
                ?? throw new JsonException($"A cached {typeof(T).Name} decoded to null.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    private static byte[] Compress(ReadOnlySpan<byte> json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length) + LengthPrefix);
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, json.Length);
            if (!BrotliEncoder.TryCompress(json, buffer.AsSpan(LengthPrefix), out var written, Quality, Window))
            {
                throw new InvalidOperationException("Brotli could not compress a cached object into its maximum compressed size.");
            }

            return buffer.AsSpan(0, LengthPrefix + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The client's own options (converters for quantities, int-or-string, timestamps); only read, never changed.
    private static JsonSerializerOptions CaptureOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        return captured ?? throw new InvalidOperationException("The Kubernetes client did not expose its JSON options.");
    }
}
