using System.Text;

namespace CloudPe.OpenStack.Http;

/// <summary>Appends URL-encoded query parameters to a path.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text;
    private bool _first = true;

    public QueryBuilder(string path)
    {
        _text = new StringBuilder(path);
    }

    public QueryBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public override string ToString() => _text.ToString();
}
