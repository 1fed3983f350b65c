namespace CloudPe.KubeEmulator.Schema;

/// <summary>
/// One validation failure, shaped like a Kubernetes StatusCause: <paramref name="Field"/> (e.g. spec.volume.sizeGiB),
/// <paramref name="Type"/> (e.g. FieldValueInvalid) and <paramref name="Message"/> (e.g. "Invalid value: 0: ...").
/// </summary>
public sealed record FieldError(string Field, string Type, string Message)
{
    /// <summary>The text kubectl prints for this cause: "&lt;field&gt;: &lt;message&gt;".</summary>
    public override string ToString() => $"{Field}: {Message}";
}
