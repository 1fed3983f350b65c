using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudPe.OpenStack.Compute;

/// <summary>Reads a server's image: "" (boot from volume) or {"id":…, "links":…}; answers the ID or null.</summary>
internal sealed class ImageReferenceConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrEmpty(text) ? null : text;
            case JsonTokenType.StartObject:
                string? id = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                return string.IsNullOrEmpty(id) ? null : id;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
