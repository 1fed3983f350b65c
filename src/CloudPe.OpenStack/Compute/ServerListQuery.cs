namespace CloudPe.OpenStack.Compute;

/// <summary>Filters and page size of GET /servers/detail.</summary>
public sealed record ServerListQuery
{
    /// <summary>Only servers changed since then (deleted ones included, with status DELETED).</summary>
    public DateTimeOffset? ChangesSince { get; init; }

    /// <summary>Only servers carrying all these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Page size of each request (Nova caps it at its max_limit, 1000 by default).</summary>
    public int Limit { get; init; } = 1000;

    /// <summary>Name filter (a regular expression in Nova).</summary>
    public string? Name { get; init; }
}
