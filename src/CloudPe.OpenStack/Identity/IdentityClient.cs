using System.Globalization;
using System.Text.Json;
using CloudPe.OpenStack.Http;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack.Identity;

/// <summary>Keystone: application-credential authentication and what the token says.</summary>
public sealed class IdentityClient
{
    private readonly RequestSender _sender;
    private readonly OpenStackConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _authUrl;

    internal IdentityClient(RequestSender sender, OpenStackConnectionOptions options, ILogger logger)
    {
        _sender = sender;
        _options = options;
        _logger = logger;
        _authUrl = options.AuthUrl;
    }

    /// <summary>The Keystone v3 URL in use.</summary>
    public Uri AuthUrl => _authUrl;

    /// <summary>Authenticates (or reuses the cached token) and tells what the token carries. Throws <see cref="OpenStackAuthenticationException"/> on bad credentials.</summary>
    public async Task<AuthenticationInfo> GetAuthenticationAsync(CancellationToken cancellationToken = default)
    {
        var token = await _sender.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return new AuthenticationInfo(token.ProjectId, token.ProjectName, token.ExpiresAt, token.Roles, token.ServiceTypes, token.Endpoints);
    }

    /// <summary>POST /v3/auth/tokens with the application credential; used by the token cache.</summary>
    internal async Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var body = JsonBody.Write(_options, static (w, o) =>
        {
            w.WriteStartObject("auth");
            w.WriteStartObject("identity");
            w.WriteStartArray("methods");
            w.WriteStringValue("application_credential");
            w.WriteEndArray();
            w.WriteStartObject("application_credential");
            w.WriteString("id", o.ApplicationCredentialId);
            w.WriteString("secret", o.ApplicationCredentialSecret);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var request = new OpenStackRequest
        {
            Service = OpenStackService.Identity,
            Method = HttpMethod.Post,
            Path = "/auth/tokens",
            Route = "/v3/auth/tokens",
            Body = body,
            Idempotent = true, // a token request changes nothing: safe to retry on 5xx
            Authenticated = false,
            BaseUrl = _authUrl,
        };
        HttpResponseMessage response;
        try
        {
            response = (await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false))!;
        }
        catch (OpenStackException ex)
        {
            OpenStackLog.AuthenticationFailed(_logger, _authUrl, _options.ApplicationCredentialId, ex.Message);
            throw;
        }

        using (response)
        {
            var value = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            TokenWire? wire;
            try
            {
                wire = JsonSerializer.Deserialize(bytes, OpenStackJsonContext.Default.TokenResponseWire)?.Token;
            }
            catch (JsonException)
            {
                wire = null;
            }

            var context = new OpenStackErrorContext("identity", "POST", "/auth/tokens", (int)response.StatusCode, OpenStackErrorFactory.RequestIdOf(response));
            if (string.IsNullOrEmpty(value) || wire is null)
            {
                throw new OpenStackAuthenticationException(context, "identity POST /auth/tokens: the answer has no X-Subject-Token header or no token body.");
            }

            var now = _sender.Time.GetUtcNow();
            var expires = ParseTime(wire.ExpiresAt) ?? now.AddHours(1);
            var issued = ParseTime(wire.IssuedAt) ?? now;
            var lifetime = expires - issued;
            var margin = lifetime / 2 < _options.TokenRenewalMargin ? lifetime / 2 : _options.TokenRenewalMargin;
            var token = new AuthToken
            {
                Value = value,
                ExpiresAt = expires,
                RenewAt = expires - margin,
                ProjectId = wire.Project?.Id ?? throw new OpenStackAuthenticationException(context, "identity POST /auth/tokens: the token is not project-scoped."),
                ProjectName = wire.Project.Name,
                Roles = wire.Roles?.Select(r => r.Name ?? string.Empty).ToArray() ?? [],
                ServiceTypes = wire.Catalog?.Select(s => s.Type ?? string.Empty).ToArray() ?? [],
                Endpoints = CatalogResolver.Resolve(wire.Catalog, _options.Interface, string.IsNullOrWhiteSpace(_options.Region) ? null : _options.Region),
            };
            OpenStackLog.Authenticated(_logger, _authUrl, _options.ApplicationCredentialId, token.ProjectId, token.ExpiresAt);
            return token;
        }
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
