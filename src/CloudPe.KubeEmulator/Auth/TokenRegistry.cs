using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CloudPe.KubeEmulator.Auth;

/// <summary>Opaque bearer tokens and the identities they stand for.</summary>
internal sealed class TokenRegistry
{
    private readonly ConcurrentDictionary<string, Identity> _tokens = new(StringComparer.Ordinal);

    public TokenRegistry()
    {
        AdminToken = NewToken("admin");
        _tokens[AdminToken] = Identity.Admin;
    }

    public string AdminToken { get; }

    public string Issue(Identity identity)
    {
        var token = NewToken("sa");
        _tokens[token] = identity;
        return token;
    }

    public Identity? Resolve(string token) => _tokens.TryGetValue(token, out var id) ? id : null;

    private static string NewToken(string prefix) =>
        $"emu-{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
}
