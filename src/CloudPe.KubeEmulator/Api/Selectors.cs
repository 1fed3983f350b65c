using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Label selectors (<c>a=b,c!=d,e,!f,g in (x,y),h notin (z)</c>) and field selectors (<c>path=value</c>, <c>!=</c>).</summary>
internal sealed class Selectors
{
    private readonly List<Func<JsonObject, bool>> _predicates = [];

    public static Selectors Parse(string? labelSelector, string? fieldSelector)
    {
        var s = new Selectors();
        foreach (var term in SplitTerms(labelSelector))
        {
            s._predicates.Add(LabelTerm(term));
        }

        foreach (var term in SplitTerms(fieldSelector))
        {
            s._predicates.Add(FieldTerm(term));
        }

        return s;
    }

    public bool IsEmpty => _predicates.Count == 0;

    public bool Matches(JsonObject obj)
    {
        foreach (var p in _predicates)
        {
            if (!p(obj))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SplitTerms(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            yield break;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            switch (selector[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return selector[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return selector[start..].Trim();
    }

    private static string? Label(JsonObject obj, string key) =>
        obj["metadata"]?["labels"] is JsonObject labels && labels.ContainsKey(key) ? SimpleJsonPath.Text(labels[key]) ?? "" : null;

    private static Func<JsonObject, bool> LabelTerm(string term)
    {
        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var idx = term.IndexOf(op, StringComparison.Ordinal);
            if (idx > 0)
            {
                var key = term[..idx].Trim();
                var values = term[(idx + op.Length)..].Trim().TrimStart('(').TrimEnd(')')
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                return o =>
                {
                    var v = Label(o, key);
                    return negate ? v is null || !values.Contains(v) : v is not null && values.Contains(v);
                };
            }
        }

        if (SplitComparison(term) is var (k, val, notEqual))
        {
            return notEqual ? o => Label(o, k) != val : o => Label(o, k) == val;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return o => Label(o, key) is null;
        }

        return o => Label(o, term) is not null;
    }

    private static Func<JsonObject, bool> FieldTerm(string term)
    {
        if (SplitComparison(term) is not var (path, value, notEqual))
        {
            throw Statuses.BadRequest($"invalid field selector: '{term}'");
        }

        return o =>
        {
            var actual = SimpleJsonPath.Text(SimpleJsonPath.Evaluate(o, "." + path)) ?? "";
            return notEqual ? actual != value : actual == value;
        };
    }

    private static (string Key, string Value, bool NotEqual)? SplitComparison(string term)
    {
        var ne = term.IndexOf("!=", StringComparison.Ordinal);
        if (ne > 0)
        {
            return (term[..ne].Trim(), term[(ne + 2)..].Trim(), true);
        }

        var eq = term.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            var rest = term[(eq + 1)..];
            return (term[..eq].Trim(), rest.TrimStart('=').Trim(), false);
        }

        return null;
    }
}
