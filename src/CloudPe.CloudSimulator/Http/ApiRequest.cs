using System.Globalization;
using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Http;

/// <summary>What a handler sees: the state (already locked and settled), the parsed body and the negotiated microversion.</summary>
internal sealed class ApiRequest(HttpContext http, CloudState state)
{
    public const string BodyItem = "sim.body";
    public const string BodyInvalidItem = "sim.body.invalid";
    public const string VersionItem = "sim.version";

    public HttpContext Http { get; } = http;
    public CloudState State { get; } = state;
    public DateTimeOffset Now { get; } = state.Now;
    public JsonNode? Body => Http.Items[BodyItem] as JsonNode;
    public ApiVersion Version => Http.Items[VersionItem] is ApiVersion v ? v : default;
    public IQueryCollection Query => Http.Request.Query;

    public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

    public string? QueryValue(string name) =>
        Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>The body's top-level object named <paramref name="name"/>, or a 400.</summary>
    public JsonObject RequireObject(string name)
    {
        if (Body is JsonObject root && root[name] is JsonObject inner)
        {
            return inner;
        }

        throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: {Body?.ToJsonString() ?? "None"}. '{name}' is a required property");
    }

    public int? IntQuery(string name)
    {
        var raw = QueryValue(name);
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw ApiException.BadRequest($"Invalid input for query parameters {name}. Value: {raw}. {name} must be a non-negative integer.");
        }

        return value;
    }
}
