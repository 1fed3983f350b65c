namespace CloudPe.CloudSimulator.Http;

/// <summary>Holds fault rules and decides, with a seeded generator, which request they hit.</summary>
internal sealed class FaultInjector(int? seed)
{
    private readonly Lock _sync = new();
    private readonly Random _random = seed is { } s ? new Random(unchecked(s * 31 + 7)) : new Random();
    private readonly List<ActiveFault> _rules = [];
    private int _nextId;

    public string Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Route);
        lock (_sync)
        {
            var id = $"fault-{++_nextId}";
            _rules.Add(new ActiveFault(id, rule, rule.Times));
            return id;
        }
    }

    public bool Remove(string id)
    {
        lock (_sync)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<(string Id, FaultRule Rule, int? Remaining)> List()
    {
        lock (_sync)
        {
            return _rules.Select(r => (r.Id, r.Rule, r.Remaining)).ToList();
        }
    }

    /// <summary>The first rule that matches and fires for this request; consumes one of its <c>times</c>.</summary>
    public FaultRule? Match(string routeKey)
    {
        lock (_sync)
        {
            foreach (var active in _rules)
            {
                if (!Matches(active.Rule.Route, routeKey))
                {
                    continue;
                }

                if (active.Rule.Probability < 1.0 && _random.NextDouble() >= active.Rule.Probability)
                {
                    continue;
                }

                if (active.Remaining is { } remaining)
                {
                    active.Remaining = remaining - 1;
                    if (active.Remaining <= 0)
                    {
                        _rules.Remove(active);
                    }
                }

                return active.Rule;
            }

            return null;
        }
    }

    /// <summary>Exact, prefix with a trailing <c>*</c>, or a Nova action route without its <c>:action</c> suffix (every action).</summary>
    private static bool Matches(string pattern, string key)
    {
        if (pattern.EndsWith('*'))
        {
            return key.StartsWith(pattern[..^1], StringComparison.Ordinal);
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return string.Equals(pattern, key, StringComparison.Ordinal)
            || (colon > 0 && string.Equals(pattern, key[..colon], StringComparison.Ordinal));
    }

    private sealed class ActiveFault(string id, FaultRule rule, int? remaining)
    {
        public string Id { get; } = id;
        public FaultRule Rule { get; } = rule;
        public int? Remaining { get; set; } = remaining;
    }
}
