namespace CloudPe.OpenStack.Http;

/// <summary>Escapes an ID or name for use as one URL path segment.</summary>
internal static class PathSegment
{
    public static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
