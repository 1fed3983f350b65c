namespace CloudPe.CloudSimulator.Http;

/// <summary><c>tags</c> (all), <c>tags-any</c>, <c>not-tags</c> (not all) and <c>not-tags-any</c>, as Nova and Neutron define them.</summary>
internal sealed record TagFilter(string[] All, string[] Any, string[] NotAll, string[] NotAny)
{
    public static TagFilter From(ApiRequest r) =>
        new(Split(r.QueryValue("tags")), Split(r.QueryValue("tags-any")), Split(r.QueryValue("not-tags")), Split(r.QueryValue("not-tags-any")));

    public bool Matches(IReadOnlyCollection<string> tags) =>
        All.All(tags.Contains)
        && (Any.Length == 0 || Any.Any(tags.Contains))
        && (NotAll.Length == 0 || !NotAll.All(tags.Contains))
        && !NotAny.Any(tags.Contains);

    private static string[] Split(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
