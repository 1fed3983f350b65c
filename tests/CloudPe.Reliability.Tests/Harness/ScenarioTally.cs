using System.Collections.Concurrent;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// Numbers for the report table (scenarios, faults, crash points, violations), printed by each test to its output
/// and, in the long form, to the console.
/// </summary>
internal sealed class ScenarioTally
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string what, long n = 1) => _counts.AddOrUpdate(what, n, (_, c) => c + n);

    public long this[string what] => _counts.GetValueOrDefault(what);

    public override string ToString() => string.Join("; ", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
