using System.Globalization;
using System.Text;

namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// Location of a value inside an object, rendered like Kubernetes does: schema keyword errors use the
/// OpenAPI validator's form (map keys as ".key"), CEL errors use field.Path (map keys as "[key]").
/// </summary>
internal sealed class FieldPath
{
    private enum SegmentKind
    {
        Root,
        Field,
        Index,
        Key,
    }

    private readonly FieldPath? _parent;
    private readonly SegmentKind _kind;
    private readonly string _name;

    private FieldPath(FieldPath? parent, SegmentKind kind, string name)
    {
        _parent = parent;
        _kind = kind;
        _name = name;
    }

    public static FieldPath Root { get; } = new(null, SegmentKind.Root, string.Empty);

    public bool IsRoot => _kind == SegmentKind.Root;

    public FieldPath Child(string name) => new(this, SegmentKind.Field, name);

    public FieldPath Index(int index) => new(this, SegmentKind.Index, index.ToString(CultureInfo.InvariantCulture));

    public FieldPath Key(string key) => new(this, SegmentKind.Key, key);

    /// <summary>field.Path form, e.g. spec.list[2].name or spec.labels[app]; the root is "&lt;nil&gt;".</summary>
    public string ToFieldPathString() => Render(keysAsFields: false);

    /// <summary>OpenAPI validator form, e.g. spec.list[2].name or spec.labels.app; the root is "&lt;nil&gt;".</summary>
    public string ToOpenApiString() => Render(keysAsFields: true);

    public override string ToString() => ToFieldPathString();

    private string Render(bool keysAsFields)
    {
        var segments = new List<FieldPath>();
        for (var p = this; p is not null && !p.IsRoot; p = p._parent)
        {
            segments.Add(p);
        }

        if (segments.Count == 0)
        {
            return "<nil>";
        }

        segments.Reverse();
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            switch (segment._kind)
            {
                case SegmentKind.Field:
                case SegmentKind.Key when keysAsFields:
                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    sb.Append(segment._name);
                    break;
                default:
                    sb.Append('[').Append(segment._name).Append(']');
                    break;
            }
        }

        return sb.ToString();
    }
}
