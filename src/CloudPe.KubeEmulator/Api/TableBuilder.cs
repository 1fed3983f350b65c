using System.Globalization;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Registry;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Builds <c>meta.k8s.io/v1 Table</c> responses with the columns a real API server prints.</summary>
internal static class TableBuilder
{
    private sealed record Column(string Name, string Type, string Format, string Description, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell);

    public static JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion,
        DateTimeOffset now, string? includeObject, bool withColumns = true, string? continueToken = null)
    {
        var columns = Columns(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray();
            foreach (var c in columns)
            {
                cells.Add(c.Cell(obj, now));
            }

            var row = new JsonObject { ["cells"] = cells };
            if (includeObject != "None")
            {
                row["object"] = includeObject == "Object" ? obj.DeepClone() : new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
            }

            rows.Add(row);
        }

        var meta = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            meta["continue"] = continueToken;
        }

        JsonArray? definitions = null;
        if (withColumns)
        {
            definitions = [];
            foreach (var c in columns)
            {
                definitions.Add(new JsonObject
                {
                    ["name"] = c.Name,
                    ["type"] = c.Type,
                    ["format"] = c.Format,
                    ["description"] = c.Description,
                    ["priority"] = c.Priority,
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = meta,
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private static List<Column> Columns(ResourceType type)
    {
        var name = new Column("Name", "string", "name", "Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", 0,
            (o, _) => (string?)o["metadata"]?["name"]);
        var age = new Column("Age", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0,
            (o, now) => Age(o["metadata"]?["creationTimestamp"], now));
        if (type.IsCustom)
        {
            if (type.PrinterColumns is not { Count: > 0 } printer)
            {
                return [name, age];
            }

            var list = new List<Column> { name };
            foreach (var pc in printer.OfType<JsonObject>())
            {
                var colType = (string?)pc["type"] ?? "string";
                var path = (string?)pc["jsonPath"] ?? "";
                list.Add(new Column((string?)pc["name"] ?? "", colType, (string?)pc["format"] ?? "", (string?)pc["description"] ?? "",
                    pc["priority"]?.GetValue<int>() ?? 0,
                    (o, now) => PrinterCell(SimpleJsonPath.Evaluate(o, path), colType, now)));
            }

            return list;
        }

        return (type.Group, type.Plural) switch
        {
            ("", "secrets") =>
            [
                name,
                Simple("Type", o => (string?)o["type"]),
                new Column("Data", "string", "", "", 0, (o, _) => (o["data"] as JsonObject)?.Count ?? 0),
                age,
            ],
            ("", "configmaps") => [name, new Column("Data", "string", "", "", 0, (o, _) => ((o["data"] as JsonObject)?.Count ?? 0) + ((o["binaryData"] as JsonObject)?.Count ?? 0)), age],
            ("", "namespaces") => [name, Simple("Status", o => (string?)o["status"]?["phase"] ?? "Active"), age],
            ("", "serviceaccounts") => [name, new Column("Secrets", "string", "", "", 0, (o, _) => (o["secrets"] as JsonArray)?.Count ?? 0), age],
            ("", "events") =>
            [
                new Column("Last Seen", "string", "", "", 0, (o, now) => Age(o["lastTimestamp"] ?? o["eventTime"] ?? o["metadata"]?["creationTimestamp"], now)),
                Simple("Type", o => (string?)o["type"]),
                Simple("Reason", o => (string?)o["reason"]),
                Simple("Object", o => $"{((string?)o["involvedObject"]?["kind"])?.ToLowerInvariant()}/{(string?)o["involvedObject"]?["name"]}"),
                Simple("Message", o => (string?)o["message"]),
            ],
            ("coordination.k8s.io", "leases") => [name, Simple("Holder", o => (string?)o["spec"]?["holderIdentity"] ?? ""), age],
            ("apiextensions.k8s.io", "customresourcedefinitions") => [name, new Column("Created At", "date", "", "", 0, (o, _) => (string?)o["metadata"]?["creationTimestamp"])],
            ("rbac.authorization.k8s.io", "rolebindings" or "clusterrolebindings") =>
                [name, Simple("Role", o => $"{(string?)o["roleRef"]?["kind"]}/{(string?)o["roleRef"]?["name"]}"), age],
            ("rbac.authorization.k8s.io", "roles" or "clusterroles") => [name, new Column("Created At", "date", "", "", 0, (o, _) => (string?)o["metadata"]?["creationTimestamp"])],
            _ => [name, age],
        };
    }

    private static Column Simple(string title, Func<JsonObject, string?> get) => new(title, "string", "", "", 0, (o, _) => get(o));

    private static JsonNode? PrinterCell(JsonNode? value, string type, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        return type switch
        {
            "date" => Age(value, now),
            "integer" or "number" or "boolean" => value.DeepClone(),
            _ => SimpleJsonPath.Text(value),
        };
    }

    private static string? Age(JsonNode? timestamp, DateTimeOffset now) =>
        SimpleJsonPath.Text(timestamp) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? HumanDuration.Format(now - t)
            : "<unknown>";
}
