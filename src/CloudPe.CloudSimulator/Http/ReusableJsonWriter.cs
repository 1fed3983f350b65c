using System.Buffers;
using System.Text.Json;

namespace CloudPe.CloudSimulator.Http;

/// <summary>
/// One UTF-8 JSON writer and buffer reused for every large answer (server lists): no JSON tree and no
/// intermediate string per request. Only used under the state lock, so one instance per simulator suffices.
/// </summary>
internal sealed class ReusableJsonWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public ReusableJsonWriter()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Starts a new document (the buffer keeps its capacity).</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>The finished document as an answer; the bytes are copied so the buffer can be reused at once.</summary>
    public JsonBytesReply Finish(int status, params (string Name, string Value)[] headers)
    {
        _writer.Flush();
        return new JsonBytesReply(status, _buffer.WrittenSpan.ToArray(), headers);
    }
}
