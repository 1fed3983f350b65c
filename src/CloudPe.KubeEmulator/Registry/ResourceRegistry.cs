using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Registry;

/// <summary>The set of served resources: built-ins plus every version of every stored CRD.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _byCrd = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<ResourceType> _all = BuiltinResources.All;

    /// <summary>Bumped on every CRD change so OpenAPI hashes change and kubectl refetches.</summary>
    public long Generation { get; private set; }

    public IReadOnlyList<ResourceType> All => _all;

    public ResourceType? Find(string group, string version, string plural)
    {
        foreach (var r in _all)
        {
            if (r.Plural == plural && r.Version == version && r.Group == group)
            {
                return r;
            }
        }

        return null;
    }

    public ResourceType? FindByKind(string group, string version, string kind)
    {
        foreach (var r in _all)
        {
            if (r.Kind == kind && r.Version == version && r.Group == group && !r.CreateOnly)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Group versions in discovery order (core first, then groups alphabetically, versions as declared).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> GroupVersions()
    {
        var order = new List<string>();
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in _all)
        {
            if (!map.TryGetValue(r.Group, out var versions))
            {
                map[r.Group] = versions = [];
                order.Add(r.Group);
            }

            if (!versions.Contains(r.Version))
            {
                versions.Add(r.Version);
            }
        }

        return order.OrderBy(g => g.Length == 0 ? "" : "~" + g, StringComparer.Ordinal)
            .Select(g => (g, (IReadOnlyList<string>)map[g])).ToList();
    }

    public void SetCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _byCrd[crdName] = types;
            Rebuild();
        }
    }

    public void RemoveCrd(string crdName)
    {
        lock (_gate)
        {
            if (_byCrd.Remove(crdName))
            {
                Rebuild();
            }
        }
    }

    private void Rebuild()
    {
        var list = new List<ResourceType>(BuiltinResources.All);
        foreach (var types in _byCrd.Values)
        {
            list.AddRange(types);
        }

        _all = list;
        Generation++;
    }

    /// <summary>Builds the served types of a CRD; throws <see cref="InvalidOperationException"/> when a schema does not compile.</summary>
    public static IReadOnlyList<ResourceType> FromCrd(JsonObject crd)
    {
        var spec = crd["spec"]?.AsObject() ?? throw new InvalidOperationException("spec: Required value");
        var group = (string?)spec["group"] ?? "";
        var names = spec["names"]?.AsObject() ?? new JsonObject();
        var kind = (string?)names["kind"] ?? "";
        var plural = (string?)names["plural"] ?? kind.ToLowerInvariant() + "s";
        var singular = (string?)names["singular"] ?? kind.ToLowerInvariant();
        var shortNames = names["shortNames"]?.AsArray().Select(n => (string?)n ?? "").ToArray() ?? [];
        var categories = names["categories"]?.AsArray().Select(n => (string?)n ?? "").ToArray() ?? [];
        var namespaced = ((string?)spec["scope"] ?? "Namespaced") == "Namespaced";
        var result = new List<ResourceType>();
        foreach (var v in spec["versions"]?.AsArray() ?? [])
        {
            if (v is not JsonObject version || version["served"]?.GetValue<bool>() == false)
            {
                continue;
            }

            var schemaNode = version["schema"]?["openAPIV3Schema"];
            result.Add(new ResourceType(group, (string?)version["name"] ?? "v1", plural, singular, kind, namespaced, shortNames, categories)
            {
                HasStatus = version["subresources"]?["status"] is not null,
                HasGeneration = true,
                IsCustom = true,
                PrinterColumns = version["additionalPrinterColumns"]?.DeepClone().AsArray(),
                OpenApiSchema = schemaNode?.DeepClone(),
                Schema = SchemaCompiler.Compile(schemaNode),
            });
        }

        return result;
    }
}
