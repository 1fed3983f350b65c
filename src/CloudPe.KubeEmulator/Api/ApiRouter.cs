using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Auth;
using CloudPe.KubeEmulator.Discovery;
using CloudPe.KubeEmulator.Lifecycle;
using CloudPe.KubeEmulator.Registry;
using CloudPe.KubeEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Authenticates, routes and authorises every request, then hands it to the read, write or watch service.</summary>
internal sealed class ApiRouter(EmulatorState state)
{
    private const string AggregatedV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private const string AggregatedV2Beta1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            var identity = Authenticate(http);
            var path = http.Request.Path.Value ?? "/";
            if (path.StartsWith("/_emu/", StringComparison.Ordinal))
            {
                await AdminEndpoints.HandleAsync(http, state, identity);
                return;
            }

            if (await TryNonResourceAsync(http, path))
            {
                return;
            }

            if (identity is null)
            {
                throw Statuses.Unauthorized();
            }

            await HandleResourceAsync(http, path, identity);
        }
        catch (ApiException ex)
        {
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, ex.Code, ex.Status);
            }
        }
        catch (JsonException ex)
        {
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, 400, Statuses.Failure(400, "BadRequest", $"the body of the request could not be decoded: {ex.Message}"));
            }
        }
        catch (FormatException ex)
        {
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, 400, Statuses.Failure(400, "BadRequest", $"the body of the request could not be decoded: {ex.Message}"));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or KeyNotFoundException or IndexOutOfRangeException)
        {
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, 500, Statuses.Failure(500, "InternalError", $"an error on the server ({ex.GetType().Name}: {ex.Message}) has prevented the request from succeeding"));
            }
        }
    }

    public static async Task WriteAsync(HttpContext http, int code, JsonNode body, string contentType = "application/json")
    {
        var bytes = JsonWire.Bytes(body);
        await WriteBytesAsync(http, code, bytes, contentType);
    }

    private static async Task WriteBytesAsync(HttpContext http, int code, byte[] bytes, string contentType)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>Null means anonymous (allowed only for version and health endpoints).</summary>
    private Identity? Authenticate(HttpContext http)
    {
        if (!state.Options.UseTls)
        {
            return Identity.Admin;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw Statuses.Unauthorized();
        }

        return state.Tokens.Resolve(header["Bearer ".Length..].Trim()) ?? throw Statuses.Unauthorized();
    }

    private async Task<bool> TryNonResourceAsync(HttpContext http, string path)
    {
        var accept = http.Request.Headers.Accept.ToString();
        var reg = state.Registry;
        switch (path)
        {
            case "/version":
                await WriteAsync(http, 200, VersionInfo());
                return true;
            case "/healthz" or "/livez" or "/readyz":
                await WriteBytesAsync(http, 200, "ok"u8.ToArray(), "text/plain");
                return true;
            case "/api" or "/api/":
                if (AggregatedVersion(accept) is { } v1)
                {
                    await WriteAsync(http, 200, DiscoveryDocuments.Aggregated(reg, true, v1), v1 == "v2" ? AggregatedV2 : AggregatedV2Beta1);
                }
                else
                {
                    await WriteAsync(http, 200, DiscoveryDocuments.ApiVersions(state.ServerAddress));
                }

                return true;
            case "/apis" or "/apis/":
                if (AggregatedVersion(accept) is { } v2)
                {
                    await WriteAsync(http, 200, DiscoveryDocuments.Aggregated(reg, false, v2), v2 == "v2" ? AggregatedV2 : AggregatedV2Beta1);
                }
                else
                {
                    await WriteAsync(http, 200, DiscoveryDocuments.GroupList(reg));
                }

                return true;
            case "/openapi/v3" or "/openapi/v3/":
                await WriteAsync(http, 200, OpenApiDocuments.Index(reg));
                return true;
            case "/openapi/v2":
                throw Statuses.NoSuchPath();
            default:
                break;
        }

        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal))
        {
            var parts = path["/openapi/v3/".Length..].Split('/');
            var doc = parts switch
            {
                ["api", var v] => OpenApiDocuments.GroupVersion(reg, "", v, state.Options.KubernetesVersion),
                ["apis", var g, var v] => OpenApiDocuments.GroupVersion(reg, g, v, state.Options.KubernetesVersion),
                _ => null,
            };
            await WriteAsync(http, doc is null ? 404 : 200, doc ?? Statuses.NoSuchPath().Status);
            return true;
        }

        return false;
    }

    private static string? AggregatedVersion(string accept)
    {
        if (!accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
        {
            return null;
        }

        return accept.Contains("v=v2;", StringComparison.Ordinal) ? "v2" : accept.Contains("v=v2beta1;", StringComparison.Ordinal) ? "v2beta1" : null;
    }

    private JsonObject VersionInfo()
    {
        var v = state.Options.KubernetesVersion;
        var parts = v.TrimStart('v').Split('.');
        return new JsonObject
        {
            ["major"] = parts.ElementAtOrDefault(0) ?? "1",
            ["minor"] = parts.ElementAtOrDefault(1) ?? "32",
            ["gitVersion"] = v,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.23.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    private async Task HandleResourceAsync(HttpContext http, string path, Identity identity)
    {
        var segs = path.Trim('/').Split('/');
        string group, version;
        string[] rest;
        var reg = state.Registry;
        switch (segs)
        {
            case ["api", var v, .. var r]:
                (group, version, rest) = ("", v, r);
                break;
            case ["apis", var g]:
                var groupDoc = DiscoveryDocuments.Group(reg, g) ?? throw Statuses.NoSuchPath();
                await WriteAsync(http, 200, groupDoc);
                return;
            case ["apis", var g, var v, .. var r]:
                (group, version, rest) = (g, v, r);
                break;
            default:
                throw Statuses.NoSuchPath();
        }

        if (rest.Length == 0)
        {
            await WriteAsync(http, 200, DiscoveryDocuments.ResourceList(reg, group, version) ?? throw Statuses.NoSuchPath());
            return;
        }

        string? ns = null;
        if (rest[0] == "namespaces" && rest.Length >= 3 && !(rest.Length == 3 && rest[2] is "status" or "finalize"))
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length > 3)
        {
            throw Statuses.NoSuchPath();
        }

        var type = reg.Find(group, version, rest[0]) ?? throw Statuses.NoSuchPath();
        var name = rest.ElementAtOrDefault(1);
        var sub = rest.ElementAtOrDefault(2);
        if ((!type.Namespaced && ns is not null) || (type.Namespaced && ns is null && name is not null))
        {
            throw Statuses.NoSuchPath();
        }

        var method = http.Request.Method;
        var isWatch = http.Request.Query["watch"] is var w && (w == "true" || w == "1");
        var verb = method switch
        {
            "GET" when name is not null => "get",
            "GET" when isWatch => "watch",
            "GET" => "list",
            "POST" when name is null || sub is not null => "create",
            "PUT" when name is not null => "update",
            "PATCH" when name is not null => "patch",
            "DELETE" when name is not null => "delete",
            "DELETE" => "deletecollection",
            _ => throw Statuses.MethodNotAllowed(),
        };
        var tokenRequest = type.Group.Length == 0 && type.Plural == "serviceaccounts" && sub == "token";
        if ((sub is not null && !(sub == "status" && type.HasStatus) && !tokenRequest)
            || (tokenRequest && verb != "create")
            || (type.CreateOnly && verb != "create")
            || (verb == "create" && name is not null && !tokenRequest))
        {
            throw verb == "create" || type.CreateOnly ? Statuses.MethodNotAllowed() : Statuses.NoSuchPath();
        }

        var attrs = new RequestAttributes(verb, group, type.Plural, sub, ns, verb == "create" && !tokenRequest ? null : name);
        // Every authenticated user may ask what it may do (system:basic-user in Kubernetes).
        if (type.Plural != "selfsubjectaccessreviews" && !state.Authorizer.Allows(identity, attrs))
        {
            throw Forbidden(identity, attrs, type);
        }

        state.Admin.CountRequest(verb, attrs.ResourceWithSub);
        var req = new ApiRequest(type, ns, name, sub, http.Request.Query, identity);
        var asTable = http.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
        var mutating = verb is "create" or "update" or "patch" or "delete" or "deletecollection";
        if (mutating && state.Admin.TakeFault(type.Plural, sub) is { } faultCode)
        {
            await WriteAsync(http, faultCode, Statuses.ForCode(faultCode, faultCode == 409
                ? $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again"
                : $"injected failure for {attrs.ResourceWithSub}"));
            return;
        }

        switch (verb)
        {
            case "get":
                var got = state.Reads.Get(req, asTable);
                await WriteAsync(http, 200, got, asTable ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json");
                return;
            case "list":
                await WriteBytesAsync(http, 200, state.Reads.List(req, asTable), asTable ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json");
                return;
            case "watch":
                await state.Watches.StreamAsync(http, req, asTable);
                return;
            default:
                break;
        }

        var body = await ReadBodyAsync(http);
        (int Code, JsonObject Body) result = verb switch
        {
            "create" when tokenRequest => (201, ServiceAccountTokens.Issue(state, req, body)),
            "create" when type.Plural == "selfsubjectaccessreviews" => (201, SelfSubjectAccessReview(identity, ParseObject(http, body))),
            "create" => state.Writes.Create(req, ParseObject(http, body)),
            "update" => state.Writes.Update(req, ParseObject(http, body)),
            "patch" => state.Writes.Patch(req, http.Request.ContentType, body),
            "delete" => state.Writes.Delete(req, body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject),
            _ => (200, state.Writes.DeleteCollection(req)),
        };
        if (!req.DryRun)
        {
            state.Admin.CountWrite();
        }

        await WriteAsync(http, result.Code, result.Body);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var ms = new MemoryStream();
        await http.Request.Body.CopyToAsync(ms, http.RequestAborted);
        return ms.ToArray();
    }

    private static JsonObject ParseObject(HttpContext http, byte[] body)
    {
        var contentType = http.Request.ContentType ?? "";
        if (contentType.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.Ordinal))
        {
            return ProtobufObjectDecoder.Decode(body);
        }

        if (contentType.Contains("yaml", StringComparison.Ordinal))
        {
            return YamlDocuments.Parse(System.Text.Encoding.UTF8.GetString(body)).FirstOrDefault()
                ?? throw Statuses.BadRequest("the body of the request is empty");
        }

        return JsonNode.Parse(body) as JsonObject ?? throw Statuses.BadRequest("the body of the request must be a JSON object");
    }

    private JsonObject SelfSubjectAccessReview(Identity identity, JsonObject review)
    {
        var ra = review["spec"]?["resourceAttributes"];
        var allowed = ra is null || state.Authorizer.Allows(identity, new RequestAttributes(
            (string?)ra["verb"] ?? "", (string?)ra["group"] ?? "", (string?)ra["resource"] ?? "",
            (string?)ra["subresource"] is { Length: > 0 } s ? s : null, (string?)ra["namespace"], (string?)ra["name"] is { Length: > 0 } n ? n : null));
        review["status"] = new JsonObject { ["allowed"] = allowed };
        review["apiVersion"] = "authorization.k8s.io/v1";
        review["kind"] = "SelfSubjectAccessReview";
        return review;
    }

    private static ApiException Forbidden(Identity identity, RequestAttributes a, ResourceType type)
    {
        var gr = a.Group.Length == 0 ? a.Resource : $"{a.Resource}.{a.Group}";
        var scope = a.Namespace is { Length: > 0 } ns ? $"in the namespace \"{ns}\"" : "at the cluster scope";
        var why = $"User \"{identity.UserName}\" cannot {a.Verb} resource \"{a.ResourceWithSub}\" in API group \"{a.Group}\" {scope}";
        var message = a.Name is null ? $"{gr} is forbidden: {why}" : $"{gr} \"{a.Name}\" is forbidden: {why}";
        var details = new JsonObject { ["group"] = type.Group, ["kind"] = type.Plural };
        if (a.Name is not null)
        {
            details = new JsonObject { ["name"] = a.Name, ["group"] = type.Group, ["kind"] = type.Plural };
        }

        return new ApiException(Statuses.Failure(403, "Forbidden", message, details));
    }
}
