using System.Collections.Concurrent;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Every OpenStack request any operator of a world sent, by kind, plus how many got no answer.</summary>
internal sealed class CloudRequestLog
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Requests sent (outcomes, recorded as "kind -> status", are not counted here).</summary>
    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    public long Count(string kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>Server ID → the password of the last changePassword Nova accepted for it.</summary>
    public IReadOnlyDictionary<string, string> LastPasswordSet => new Dictionary<string, string>(_passwords, StringComparer.Ordinal);

    public void PasswordSet(string serverId, string password) => _passwords[serverId] = password;

    public void Add(string kind)
    {
        if (!kind.Contains(" -> ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _total);
        }

        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }
}
