namespace CloudPe.KubeEmulator.Schema.Cel;

internal enum CelTypeKind
{
    Dyn,
    Int,
    Uint,
    Double,
    String,
    Bool,
    Null,
    List,
    Map,
    Object,
    Optional,
}

/// <summary>The static type the checker infers for an expression; <see cref="CelTypeKind.Dyn"/> means unknown until runtime.</summary>
internal sealed record CelType(CelTypeKind Kind, CelType? Element = null, SchemaNode? Schema = null)
{
    public static readonly CelType Dyn = new(CelTypeKind.Dyn);
    public static readonly CelType Int = new(CelTypeKind.Int);
    public static readonly CelType Uint = new(CelTypeKind.Uint);
    public static readonly CelType Double = new(CelTypeKind.Double);
    public static readonly CelType String = new(CelTypeKind.String);
    public static readonly CelType Bool = new(CelTypeKind.Bool);
    public static readonly CelType Null = new(CelTypeKind.Null);

    public bool IsNumeric => Kind is CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.Double;

    public static CelType ListOf(CelType element) => new(CelTypeKind.List, element);

    public static CelType MapOf(CelType value) => new(CelTypeKind.Map, value);

    public static CelType OptionalOf(CelType value) => new(CelTypeKind.Optional, value);

    /// <summary>Maps a structural schema node to the CEL type Kubernetes gives it.</summary>
    public static CelType FromSchema(SchemaNode? schema)
    {
        if (schema is null || schema.IntOrString)
        {
            return Dyn;
        }

        return schema.Type switch
        {
            "integer" => Int,
            "number" => Double,
            "string" => String,
            "boolean" => Bool,
            "array" => ListOf(FromSchema(schema.Items)),
            "object" when schema.AdditionalProperties is not null => MapOf(FromSchema(schema.AdditionalProperties)),
            "object" when schema.Properties.Count > 0 || !schema.PreserveUnknownFields || schema.IsResourceRoot || schema.EmbeddedResource =>
                new CelType(CelTypeKind.Object, Schema: schema),
            _ => Dyn,
        };
    }

    public override string ToString() => Kind switch
    {
        CelTypeKind.Dyn => "dyn",
        CelTypeKind.Int => "int",
        CelTypeKind.Uint => "uint",
        CelTypeKind.Double => "double",
        CelTypeKind.String => "string",
        CelTypeKind.Bool => "bool",
        CelTypeKind.Null => "null_type",
        CelTypeKind.List => $"list({Element})",
        CelTypeKind.Map => $"map(string, {Element})",
        CelTypeKind.Object => "object",
        CelTypeKind.Optional => $"optional_type({Element})",
        _ => "unknown",
    };
}
