using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CloudPe.Operator.Api.Validation;
using k8s.Models;

namespace CloudPe.Operator.Crds;

/// <summary>
/// Builds a structural OpenAPI v3 schema (the CRD's <c>openAPIV3Schema</c>) from a C# type: the JSON
/// contract of System.Text.Json gives the properties, the validation attributes the constraints and the
/// XML documentation the descriptions. Every node carries a type; nothing is left open.
/// </summary>
internal sealed class OpenApiSchemaBuilder(XmlDocumentation docs)
{
    private static readonly JsonSerializerOptions Contract = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>The schema of a resource type, with its standard apiVersion, kind and metadata properties.</summary>
    public SortedDictionary<string, object> ForResource(Type resourceType) => ForType(resourceType, property: null);

    private SortedDictionary<string, object> ForType(Type type, PropertyInfo? property)
    {
        var node = new SortedDictionary<string, object>(SchemaKeyOrder.Instance);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;

        if (property is not null && docs.For(property) is { } propertyDoc)
        {
            node["description"] = propertyDoc;
        }
        else if (docs.For(underlying) is { } typeDoc)
        {
            node["description"] = typeDoc;
        }

        DescribeShape(node, underlying);
        if (property is not null)
        {
            ApplyPropertyAttributes(node, property);
        }

        return node;
    }

    private void DescribeShape(SortedDictionary<string, object> node, Type type)
    {
        if (type == typeof(string))
        {
            node["type"] = "string";
        }
        else if (type == typeof(int))
        {
            node["type"] = "integer";
            node["format"] = "int32";
        }
        else if (type == typeof(long))
        {
            node["type"] = "integer";
            node["format"] = "int64";
        }
        else if (type == typeof(bool))
        {
            node["type"] = "boolean";
        }
        else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            node["type"] = "string";
            node["format"] = "date-time";
        }
        else if (type.IsEnum)
        {
            node["type"] = "string";
            node["enum"] = type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(EnumMemberName).ToList<object>();
        }
        else if (type == typeof(V1ObjectMeta))
        {
            // The API server owns the metadata schema; a CRD may only say it is an object.
            node["type"] = "object";
        }
        else if (ListItemType(type) is { } itemType)
        {
            node["type"] = "array";
            node["items"] = ForType(itemType, property: null);
        }
        else if (type.IsClass)
        {
            DescribeObject(node, type);
        }
        else
        {
            throw new NotSupportedException($"No OpenAPI mapping for {type} in the CRD types.");
        }
    }

    private void DescribeObject(SortedDictionary<string, object> node, Type type)
    {
        node["type"] = "object";
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var required = new List<object>();
        foreach (var jsonProperty in Contract.GetTypeInfo(type).Properties)
        {
            var member = (PropertyInfo)jsonProperty.AttributeProvider!;
            properties[jsonProperty.Name] = ForType(jsonProperty.PropertyType, member);
            if (member.IsDefined(typeof(RequiredAttribute)))
            {
                required.Add(jsonProperty.Name);
            }
        }

        node["properties"] = properties;
        if (required.Count > 0)
        {
            node["required"] = required.OrderBy(name => (string)name, StringComparer.Ordinal).ToList();
        }

        AddRules(node, type.GetCustomAttributes<CelRuleAttribute>());
    }

    private static void ApplyPropertyAttributes(SortedDictionary<string, object> node, PropertyInfo property)
    {
        if (property.GetCustomAttribute<DefaultAttribute>() is { } defaultValue)
        {
            node["default"] = ScalarValue(defaultValue.Value);
        }

        if (property.IsDefined(typeof(DefaultEmptyObjectAttribute)))
        {
            node["default"] = new SortedDictionary<string, object>(StringComparer.Ordinal);
        }

        if (property.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            node["minimum"] = minimum.Value;
        }

        if (property.GetCustomAttribute<MaximumAttribute>() is { } maximum)
        {
            node["maximum"] = maximum.Value;
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            node["minLength"] = minLength.Value;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            node["maxLength"] = maxLength.Value;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            node["pattern"] = pattern.Value;
        }

        if (property.GetCustomAttribute<EnumValuesAttribute>() is { } values)
        {
            node["enum"] = values.Values.ToList<object>();
        }

        if (property.GetCustomAttribute<MaxItemsAttribute>() is { } maxItems)
        {
            node["maxItems"] = maxItems.Value;
        }

        if (property.GetCustomAttribute<ListMapKeyAttribute>() is { } listMapKey)
        {
            node["x-kubernetes-list-type"] = "map";
            node["x-kubernetes-list-map-keys"] = new List<object> { listMapKey.Key };
        }

        foreach (var nested in property.GetCustomAttributes<NestedDefaultAttribute>())
        {
            var children = (SortedDictionary<string, object>)node["properties"];
            var child = (SortedDictionary<string, object>)children[nested.PropertyName];
            child["default"] = ScalarValue(nested.Value);
        }

        AddRules(node, property.GetCustomAttributes<CelRuleAttribute>());
    }

    private static void AddRules(SortedDictionary<string, object> node, IEnumerable<CelRuleAttribute> rules)
    {
        var validations = node.TryGetValue("x-kubernetes-validations", out var existing) ? (List<object>)existing : [];
        foreach (var rule in rules.OrderBy(r => r.Rule, StringComparer.Ordinal))
        {
            var validation = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["rule"] = rule.Rule };
            if (rule.Message is { } message)
            {
                validation["message"] = message;
            }

            validations.Add(validation);
        }

        if (validations.Count > 0)
        {
            node["x-kubernetes-validations"] = validations;
        }
    }

    private static object ScalarValue(object value) => value switch
    {
        Enum e => EnumMemberName(e.GetType().GetField(e.ToString())!),
        string or bool or int or long => value,
        _ => throw new NotSupportedException($"Unsupported default value type {value.GetType()}."),
    };

    private static string EnumMemberName(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1
            ? type.GetGenericArguments()[0]
            : null;
    }
}
