using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CloudPe.Controllers;

/// <summary>
/// Makes the strings of a freshly decoded object share instances with the objects already cached: each property
/// (and each dictionary's keys and values) has its own <see cref="StringPool"/>, so a property whose values repeat
/// (namespace, condition reason, label key) keeps one copy, and one whose values are unique (uid, name) stops pooling.
/// Only model types are walked (not System types); the object must not be shared yet, as its properties are set.
/// </summary>
internal sealed class ObjectInterner
{
    private const int MaxDepth = 16;
    private readonly ConcurrentDictionary<Type, PropertyPlan[]> _plans = new();
    private readonly int _maxValuesPerProperty;

    public ObjectInterner(int maxValuesPerProperty = 256) => _maxValuesPerProperty = maxValuesPerProperty;

    public void Intern(object? value) => Visit(value, 0);

    private void Visit(object? value, int depth)
    {
        if (value is null || depth > MaxDepth || !IsModel(value.GetType()))
        {
            return;
        }

        foreach (var plan in _plans.GetOrAdd(value.GetType(), CreatePlans))
        {
            plan.Apply(value, this, depth);
        }
    }

    private PropertyPlan[] CreatePlans(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => PropertyPlan.For(p, _maxValuesPerProperty))
            .OfType<PropertyPlan>()];

    // Kubernetes and CloudPe model classes; never framework types (JsonNode, collections themselves, string).
    private static bool IsModel(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsArray &&
        type.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal);

    private sealed class PropertyPlan
    {
        private readonly PropertyInfo _property;
        private readonly StringPool? _values;
        private readonly StringPool? _keys;

        private PropertyPlan(PropertyInfo property, StringPool? values, StringPool? keys)
        {
            _property = property;
            _values = values;
            _keys = keys;
        }

        public static PropertyPlan? For(PropertyInfo property, int maxValues)
        {
            var type = property.PropertyType;
            if (type == typeof(string))
            {
                return property.CanWrite ? new PropertyPlan(property, new StringPool(maxValues), null) : null;
            }

            if (type.IsValueType || type == typeof(object) || type.IsArray && type != typeof(string[]))
            {
                return null;
            }

            // Dictionaries get a pool for keys and one for string values; lists and model objects are walked.
            return new PropertyPlan(property, new StringPool(maxValues), new StringPool(maxValues));
        }

        public void Apply(object owner, ObjectInterner interner, int depth)
        {
            var current = _property.GetValue(owner);
            switch (current)
            {
                case null:
                    return;
                case string text:
                    var pooled = _values!.Get(text);
                    if (!ReferenceEquals(pooled, text))
                    {
                        _property.SetValue(owner, pooled);
                    }

                    return;
                case IDictionary<string, string> strings when _property.CanWrite && current is Dictionary<string, string> concrete:
                    var copy = new Dictionary<string, string>(concrete.Count, concrete.Comparer);
                    foreach (var (key, item) in strings)
                    {
                        copy[_keys!.Get(key)!] = _values!.Get(item)!;
                    }

                    _property.SetValue(owner, copy);
                    return;
                case Dictionary<string, byte[]> bytes when _property.CanWrite:
                    var keyed = new Dictionary<string, byte[]>(bytes.Count, bytes.Comparer);
                    foreach (var (key, item) in bytes)
                    {
                        keyed[_keys!.Get(key)!] = item;
                    }

                    _property.SetValue(owner, keyed);
                    return;
                case IList<string> list when current is List<string> or string[]:
                    for (var i = 0; i < list.Count; i++)
                    {
                        list[i] = _values!.Get(list[i])!;
                    }

                    return;
                case IDictionary dictionary:
                    foreach (var item in dictionary.Values)
                    {
                        interner.Visit(item, depth + 1);
                    }

                    return;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        interner.Visit(item, depth + 1);
                    }

                    return;
                default:
                    interner.Visit(current, depth + 1);
                    return;
            }
        }
    }
}
