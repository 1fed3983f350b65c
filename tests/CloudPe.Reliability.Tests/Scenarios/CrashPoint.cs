namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Stop the operator right after the <paramref name="Nth"/> OpenStack request of <paramref name="Kind"/> during <paramref name="Step"/>.</summary>
internal sealed record CrashPoint(string Step, string Variant, string Kind, int Nth)
{
    public override string ToString() => $"{Step}/{Variant} after {Kind} #{Nth}";
}
