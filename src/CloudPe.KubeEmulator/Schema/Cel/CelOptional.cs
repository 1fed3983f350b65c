namespace CloudPe.KubeEmulator.Schema.Cel;

/// <summary>The optional value oldSelf becomes when a rule sets optionalOldSelf.</summary>
internal sealed record CelOptional(bool HasValue, object? Value)
{
    public static readonly CelOptional None = new(false, null);
}
