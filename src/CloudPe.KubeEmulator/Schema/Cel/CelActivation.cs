namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>Variable bindings for one evaluation; comprehensions push a scope for their iteration variable.</summary>
internal sealed class CelActivation
{
    private readonly string _name;
    private readonly object? _value;
    private readonly CelActivation? _parent;

    private CelActivation(string name, object? value, CelActivation? parent)
    {
        _name = name;
        _value = value;
        _parent = parent;
    }

    public static CelActivation Empty { get; } = new(string.Empty, null, null);

    public CelActivation Bind(string name, object? value) => new(name, value, this);

    public object? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._name == name && scope._parent is not null)
            {
                return scope._value;
            }
        }

        throw new CelEvaluationException($"no such attribute: {name}");
    }
}
