namespace CloudPe.OpenStack.Compute;

/// <summary>A remote console URL.</summary>
/// <param name="Url">The URL to open (contains a one-time token).</param>
/// <param name="Protocol">vnc or spice.</param>
/// <param name="Type">novnc or spice-html5.</param>
public sealed record ConsoleInfo(Uri Url, string Protocol, string Type);
