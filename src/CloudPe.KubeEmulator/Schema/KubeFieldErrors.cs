namespace CloudPe.KubeEmulator.Schema;

/// <summary>Builds <see cref="FieldError"/>s with the same Type and message body as k8s.io/apimachinery field errors.</summary>
internal static class KubeFieldErrors
{
    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", WithDetail("Required value", detail));

    public static FieldError Invalid(string field, string renderedValue, string detail) =>
        new(field, "FieldValueInvalid", WithDetail($"Invalid value: {renderedValue}", detail));

    public static FieldError TypeInvalid(string field, string renderedValue, string detail) =>
        new(field, "FieldValueTypeInvalid", WithDetail($"Invalid value: {renderedValue}", detail));

    public static FieldError NotSupported(string field, string renderedValue, IEnumerable<string> supported)
    {
        var quoted = supported.Select(GoValueFormatter.Quote).ToList();
        return new(field, "FieldValueNotSupported",
            WithDetail($"Unsupported value: {renderedValue}", quoted.Count == 0 ? string.Empty : "supported values: " + string.Join(", ", quoted)));
    }

    public static FieldError TooLong(string field, long max) =>
        new(field, "FieldValueTooLong", max >= 0 ? $"Too long: may not be more than {max} {(max == 1 ? "byte" : "bytes")}" : "Too long: value is too long");

    public static FieldError TooMany(string field, long actual, long max) =>
        new(field, "FieldValueTooMany", $"Too many: {actual}: must have at most {max} {(max == 1 ? "item" : "items")}");

    public static FieldError Forbidden(string field, string detail) =>
        new(field, "FieldValueForbidden", WithDetail("Forbidden", detail));

    public static FieldError Duplicate(string field, string renderedValue) =>
        new(field, "FieldValueDuplicate", $"Duplicate value: {renderedValue}");

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : $"{body}: {detail}";
}
