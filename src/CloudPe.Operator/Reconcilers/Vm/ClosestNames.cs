namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>The valid names most like a mistyped one (edit distance, case-insensitive), for error messages.</summary>
internal static class ClosestNames
{
    public static IReadOnlyList<string> Of(string wanted, IEnumerable<string> candidates, int count = 3)
    {
        var target = wanted.ToUpperInvariant();
        return candidates
            .Where(c => !string.IsNullOrEmpty(c))
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Score: Score(target, c.ToUpperInvariant())))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)
            .ToList();
    }

    public static string Describe(string wanted, IEnumerable<string> candidates)
    {
        var closest = Of(wanted, candidates);
        return closest.Count == 0 ? "the inventory has none" : "closest: " + string.Join(", ", closest);
    }

    // A name that contains the wanted text (or the reverse) ranks before plain edit distance.
    private static int Score(string a, string b)
    {
        var distance = Levenshtein(a, b);
        return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal) ? distance - 1000 : distance;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
