using System.Buffers;
using System.Text.Json;

namespace CloudPe.OpenStack.Http;

/// <summary>Writes a request body straight to UTF-8 (no intermediate objects; request bodies are never logged).</summary>
internal static class JsonBody
{
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer, state);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>{"name": null}, as Nova's argument-less actions want.</summary>
    public static byte[] NullAction(string name) => Write(name, static (w, n) => w.WriteNull(n));
}
