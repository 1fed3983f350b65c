namespace CloudPe.Operator.Api.Validation;

/// <summary>A column of <c>kubectl get</c> (<c>additionalPrinterColumns</c>), in declaration order.</summary>
/// <param name="name">The column header.</param>
/// <param name="type">The OpenAPI type: string, integer, number, boolean or date.</param>
/// <param name="jsonPath">The JSONPath of the value, relative to the object.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>The column header.</summary>
    public string Name { get; } = name;

    /// <summary>The OpenAPI type of the column.</summary>
    public string Type { get; } = type;

    /// <summary>The JSONPath of the value.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>0 shows the column always; 1 only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }

    /// <summary>What the column shows.</summary>
    public string? Description { get; init; }
}
