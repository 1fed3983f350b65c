using System.Text.Json.Nodes;
using CloudPe.CloudSimulator.Http;
using CloudPe.CloudSimulator.Model;

namespace CloudPe.CloudSimulator.Api;

/// <summary>Keystone v3: version documents and application-credential tokens.</summary>
internal static class IdentityApi
{
    private const string Unauthenticated = "The request you have made requires authentication.";

    public static void Map(ApiRouteMap map)
    {
        map.Map(Services.Identity, "", "GET", "/", Versions, requiresAuth: false);
        map.Map(Services.Identity, "", "GET", "/v3", r => new JsonReply(200, new JsonObject { ["version"] = Version(r.State) }), requiresAuth: false);
        map.Map(Services.Identity, "", "POST", "/v3/auth/tokens", IssueToken, requiresAuth: false);
        map.Map(Services.Identity, "", "GET", "/v3/auth/tokens", ValidateToken);
        map.Map(Services.Identity, "", "DELETE", "/v3/auth/tokens", RevokeToken);
    }

    private static JsonReply Versions(ApiRequest r) =>
        new(300, new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(Version(r.State)) } });

    private static JsonObject Version(CloudState state) => new()
    {
        ["id"] = "v3.14",
        ["status"] = "stable",
        ["updated"] = "2020-04-07T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = state.PublicRoot + "/v3/" }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.identity-v3+json" }),
    };

    private static IResult IssueToken(ApiRequest r)
    {
        var identity = (r.Body as JsonObject)?["auth"]?["identity"] as JsonObject
            ?? throw ApiException.BadRequest("Invalid input for field 'auth': 'identity' is a required property");
        if (identity["methods"] is not JsonArray methods)
        {
            throw ApiException.BadRequest("Invalid input for field 'identity': 'methods' is a required property");
        }

        if (!methods.Any(m => m?.GetValue<string>() == "application_credential")
            || identity["application_credential"] is not JsonObject credential)
        {
            return ErrorEnvelopes.Keystone(401, Unauthenticated);
        }

        if (r.Body?["auth"]?["scope"] is not null)
        {
            return ErrorEnvelopes.Keystone(401, "Application credentials cannot request a scope.");
        }

        var id = (credential["id"] as JsonValue)?.ToString();
        var secret = (credential["secret"] as JsonValue)?.ToString();
        if (secret is null)
        {
            throw ApiException.BadRequest("Invalid input for field 'application_credential': 'secret' is a required property");
        }

        if (id is null || !r.State.Credentials.TryGetValue(id, out var expected) || !string.Equals(expected, secret, StringComparison.Ordinal))
        {
            return ErrorEnvelopes.Keystone(401, Unauthenticated);
        }

        var record = new TokenRecord(id, r.Now, r.Now + r.State.Options.TokenLifetime, r.State.Ids.Uuid());
        var token = r.State.Ids.Token();
        r.State.Tokens[token] = record;
        return new JsonReply(201, TokenBody(r.State, record), ("X-Subject-Token", token));
    }

    private static IResult ValidateToken(ApiRequest r)
    {
        var subject = r.Http.Request.Headers["X-Subject-Token"].ToString();
        if (!r.State.Tokens.TryGetValue(subject, out var record) || r.Now >= record.ExpiresAt)
        {
            throw ApiException.NotFound($"Could not find token: {subject}.");
        }

        return new JsonReply(200, TokenBody(r.State, record), ("X-Subject-Token", subject));
    }

    private static IResult RevokeToken(ApiRequest r)
    {
        var subject = r.Http.Request.Headers["X-Subject-Token"].ToString();
        if (!r.State.Tokens.Remove(subject))
        {
            throw ApiException.NotFound($"Could not find token: {subject}.");
        }

        return new JsonReply(204, null);
    }

    private static JsonObject TokenBody(CloudState state, TokenRecord record)
    {
        var domain = new JsonObject { ["id"] = "default", ["name"] = "Default" };
        return new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["methods"] = new JsonArray("application_credential"),
                ["user"] = new JsonObject
                {
                    ["domain"] = domain.DeepClone(),
                    ["id"] = state.UserId,
                    ["name"] = "demo",
                    ["password_expires_at"] = null,
                },
                ["audit_ids"] = new JsonArray(record.AuditId[..22]),
                ["expires_at"] = Timestamps.Keystone(record.ExpiresAt),
                ["issued_at"] = Timestamps.Keystone(record.IssuedAt),
                ["project"] = new JsonObject { ["domain"] = domain.DeepClone(), ["id"] = state.ProjectId, ["name"] = state.ProjectName },
                ["is_domain"] = false,
                ["roles"] = new JsonArray(
                    new JsonObject { ["id"] = IdSource.NameBased("role", "member").Replace("-", "", StringComparison.Ordinal), ["name"] = "member" },
                    new JsonObject { ["id"] = IdSource.NameBased("role", "reader").Replace("-", "", StringComparison.Ordinal), ["name"] = "reader" }),
                ["application_credential"] = new JsonObject { ["id"] = record.CredentialId, ["name"] = "cloudpe-operator", ["restricted"] = true },
                ["catalog"] = Catalog(state),
            },
        };
    }

    private static JsonArray Catalog(CloudState state)
    {
        var services = new (string Type, string Name, string Path)[]
        {
            ("identity", "keystone", "/v3"),
            ("compute", "nova", "/compute/v2.1"),
            ("network", "neutron", "/network"),
            ("volumev3", "cinderv3", $"/volume/v3/{state.ProjectId}"),
            ("image", "glance", "/image"),
        };
        var catalog = new JsonArray();
        foreach (var (type, name, path) in services)
        {
            var endpoints = new JsonArray();
            foreach (var (iface, root) in new[] { ("public", state.PublicRoot), ("internal", state.InternalRoot) })
            {
                endpoints.Add(new JsonObject
                {
                    ["id"] = IdSource.NameBased("endpoint", type + iface).Replace("-", "", StringComparison.Ordinal),
                    ["interface"] = iface,
                    ["region_id"] = state.Options.Region,
                    ["region"] = state.Options.Region,
                    ["url"] = root + path,
                });
            }

            catalog.Add(new JsonObject
            {
                ["endpoints"] = endpoints,
                ["id"] = IdSource.NameBased("service", type).Replace("-", "", StringComparison.Ordinal),
                ["type"] = type,
                ["name"] = name,
            });
        }

        return catalog;
    }
}
