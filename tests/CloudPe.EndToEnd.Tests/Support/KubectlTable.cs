namespace CloudPe.EndToEnd.Tests.Support;

/// <summary>The table <c>kubectl get</c> prints, cut at the header's column starts (so empty cells stay empty).</summary>
internal sealed class KubectlTable
{
    private readonly List<(string Name, int Start)> _columns = [];
    private readonly List<string> _rows;

    public KubectlTable(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var header = lines[0];
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] != ' ' && (i == 0 || header[i - 1] == ' '))
            {
                var end = header.IndexOf(' ', i);
                _columns.Add((header[i..(end < 0 ? header.Length : end)], i));
            }
        }

        _rows = [.. lines.Skip(1)];
    }

    public IReadOnlyList<string> Columns => [.. _columns.Select(c => c.Name)];

    /// <summary>The row whose first cell is <paramref name="name"/>, as column name → cell.</summary>
    public IReadOnlyDictionary<string, string> Row(string name)
    {
        var row = _rows.SingleOrDefault(r => r.Split(' ', 2)[0] == name);
        Assert.True(row is not null, $"no row {name} in\n{string.Join('\n', _rows)}");
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Count; i++)
        {
            var start = Math.Min(_columns[i].Start, row.Length);
            var end = i + 1 < _columns.Count ? Math.Min(_columns[i + 1].Start, row.Length) : row.Length;
            cells[_columns[i].Name] = row[start..end].Trim();
        }

        return cells;
    }
}
