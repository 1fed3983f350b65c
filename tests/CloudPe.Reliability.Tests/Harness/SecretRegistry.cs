using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Every secret value a world handed out or saw on the wire: credential secret, passwords, tokens.</summary>
internal sealed class SecretRegistry
{
    // Shorter values would match ordinary text by chance; every real secret here is longer.
    private const int MinLength = 8;
    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Values => [.. _values.Keys];

    public void Add(string? value)
    {
        if (value is { Length: >= MinLength })
        {
            _values.TryAdd(value, 0);
        }
    }

    /// <summary>Adds the string value of every property named one of <paramref name="names"/>, at any depth.</summary>
    public void AddFromJson(JsonNode? node, params string[] names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (names.Contains(key, StringComparer.Ordinal) && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        Add(s);
                    }
                    else
                    {
                        AddFromJson(value, names);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    AddFromJson(item, names);
                }

                break;
        }
    }
}
