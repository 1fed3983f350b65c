using System.Globalization;
using CloudPe.OpenStack.Http;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack.Compute;

/// <summary>Nova: servers, their actions, consoles and flavors.</summary>
public sealed class ComputeClient
{
    /// <summary>Microversion of POST /servers (tags and BDM volume_type).</summary>
    public static readonly Microversion CreateMicroversion = new(2, 67);

    /// <summary>Highest microversion the client understands; other calls use min(this, the cloud's maximum).</summary>
    public static readonly Microversion PreferredMicroversion = new(2, 67);

    private static readonly Microversion RemoteConsolesMicroversion = new(2, 6);
    private static readonly Microversion BaseMicroversion = new(2, 1);

    private readonly RequestSender _sender;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private Microversion? _max;

    internal ComputeClient(RequestSender sender, ILogger logger)
    {
        _sender = sender;
        _logger = logger;
    }

    /// <summary>The cloud's maximum compute microversion, once negotiated (see <see cref="NegotiateAsync"/>).</summary>
    public Microversion? MaxMicroversion => _max;

    /// <summary>Reads the compute version document once and remembers the cloud's maximum microversion.</summary>
    public async Task<Microversion> NegotiateAsync(CancellationToken cancellationToken = default)
    {
        if (_max is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_max is { } again)
            {
                return again;
            }

            Microversion max;
            try
            {
                var doc = await _sender.SendAsync(Get("/", "/"), OpenStackJsonContext.Default.VersionEnvelopeWire, cancellationToken).ConfigureAwait(false);
                max = Microversion.TryParse(doc?.Version?.Version, out var parsed) ? parsed : BaseMicroversion;
            }
            catch (OpenStackException ex) when (ex is not (OpenStackAuthenticationException or OpenStackUnreachableException or OpenStackTimeoutException))
            {
                OpenStackLog.ComputeVersionUnknown(_logger, ex.Message);
                max = BaseMicroversion;
            }

            OpenStackLog.ComputeMicroversion(_logger, max.ToString(), Microversion.Min(max, PreferredMicroversion).ToString());
            _max = max;
            return max;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>
    /// POST /servers at microversion 2.67. Never retried: a lost response or a timeout after sending throws
    /// <see cref="OpenStackOutcomeUnknownException"/> so the caller looks for the server (e.g. by metadata stamp) first.
    /// </summary>
    public async Task<CreateServerResult> CreateServerAsync(CreateServerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Networks is not { Count: > 0 })
        {
            throw new ArgumentException("At least one network or port is required.", nameof(request));
        }

        if (request.BootVolume is null && string.IsNullOrEmpty(request.ImageRef))
        {
            throw new ArgumentException("Either BootVolume or ImageRef is required.", nameof(request));
        }

        var call = new OpenStackRequest
        {
            Service = OpenStackService.Compute,
            Method = HttpMethod.Post,
            Path = "/servers",
            Route = "/servers",
            Body = CreateServerBody.Write(request),
            Idempotent = false,
            ApiVersion = $"compute {CreateMicroversion}",
        };
        var answer = await _sender.SendAsync(call, OpenStackJsonContext.Default.CreatedServerEnvelopeWire, cancellationToken).ConfigureAwait(false);
        var id = answer?.Server?.Id;
        if (string.IsNullOrEmpty(id))
        {
            throw new OpenStackOutcomeUnknownException(
                new OpenStackErrorContext("compute", "POST", "/servers"),
                "compute POST /servers: the answer carried no server ID; the server may exist. Look it up before trying again.");
        }

        return new CreateServerResult(id, answer!.Server!.AdminPass);
    }

    /// <summary>GET /servers/{id}; null when the server does not exist (404).</summary>
    public async Task<Server?> GetServerAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = await VersionedAsync(HttpMethod.Get, $"/servers/{PathSegment.Escape(id)}", "/servers/{id}", null, idempotent: true, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        var answer = await _sender.SendAsync(call, OpenStackJsonContext.Default.ServerEnvelopeWire, cancellationToken).ConfigureAwait(false);
        return answer?.Server is { } wire ? ServerMapper.Map(wire) : null;
    }

    /// <summary>GET /servers/detail, following limit/marker paging until the last page.</summary>
    public IAsyncEnumerable<Server> ListServersDetailAsync(ServerListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ServerListQuery();
        var pages = MarkerPaging.ReadAllAsync(
            _sender,
            (marker, ct) =>
            {
                var path = new QueryBuilder("/servers/detail")
                    .Add("limit", query.Limit > 0 ? query.Limit.ToString(CultureInfo.InvariantCulture) : null)
                    .Add("changes-since", query.ChangesSince?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture))
                    .Add("tags", query.Tags is { Count: > 0 } ? string.Join(',', query.Tags) : null)
                    .Add("name", query.Name)
                    .Add("marker", marker)
                    .ToString();
                return VersionedAsync(HttpMethod.Get, path, "/servers/detail", null, idempotent: true, notFoundIsNull: false, ct);
            },
            OpenStackJsonContext.Default.ServerListWire,
            page => page.Servers,
            page => PageMarker.FromLinks(page.Links),
            cancellationToken);
        return pages.Select(ServerMapper.Map);
    }

    /// <summary>DELETE /servers/{id}; false when it was already gone (404).</summary>
    public async Task<bool> DeleteServerAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = await VersionedAsync(HttpMethod.Delete, $"/servers/{PathSegment.Escape(id)}", "/servers/{id}", null, idempotent: true, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        using var response = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return response is not null;
    }

    /// <summary>os-start (202; the server goes ACTIVE asynchronously).</summary>
    public Task StartAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "os-start", JsonBody.NullAction("os-start"), cancellationToken);

    /// <summary>os-stop.</summary>
    public Task StopAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "os-stop", JsonBody.NullAction("os-stop"), cancellationToken);

    /// <summary>reboot SOFT or HARD.</summary>
    public Task RebootAsync(string id, bool hard, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "reboot", JsonBody.Write(hard, static (w, h) =>
        {
            w.WriteStartObject("reboot");
            w.WriteString("type", h ? "HARD" : "SOFT");
            w.WriteEndObject();
        }), cancellationToken);

    /// <summary>suspend.</summary>
    public Task SuspendAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "suspend", JsonBody.NullAction("suspend"), cancellationToken);

    /// <summary>resume.</summary>
    public Task ResumeAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "resume", JsonBody.NullAction("resume"), cancellationToken);

    /// <summary>resize to a flavor; wait for VERIFY_RESIZE, then <see cref="ConfirmResizeAsync"/>.</summary>
    public Task ResizeAsync(string id, string flavorRef, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "resize", JsonBody.Write(flavorRef, static (w, f) =>
        {
            w.WriteStartObject("resize");
            w.WriteString("flavorRef", f);
            w.WriteEndObject();
        }), cancellationToken);

    /// <summary>confirmResize (only in VERIFY_RESIZE).</summary>
    public Task ConfirmResizeAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "confirmResize", JsonBody.NullAction("confirmResize"), cancellationToken);

    /// <summary>revertResize (only in VERIFY_RESIZE).</summary>
    public Task RevertResizeAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "revertResize", JsonBody.NullAction("revertResize"), cancellationToken);

    /// <summary>changePassword; the password never reaches a log or an error message.</summary>
    public Task ChangePasswordAsync(string id, string adminPass, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminPass);
        return ActionAsync(id, "changePassword", JsonBody.Write(adminPass, static (w, p) =>
        {
            w.WriteStartObject("changePassword");
            w.WriteString("adminPass", p);
            w.WriteEndObject();
        }), cancellationToken);
    }

    /// <summary>
    /// A console URL: remote-consoles vnc/novnc (2.6+), else os-getVNCConsole at 2.1, SPICE last. A 409 (wrong server
    /// state) is thrown at once; unavailable kinds (400/404/501) fall through to the next.
    /// </summary>
    public async Task<ConsoleInfo> GetConsoleAsync(string id, CancellationToken cancellationToken = default)
    {
        var max = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
        var path = $"/servers/{PathSegment.Escape(id)}";
        var attempts = new List<(string Protocol, string Type, OpenStackRequest Request)>(3);
        if (max >= RemoteConsolesMicroversion)
        {
            attempts.Add(("vnc", "novnc", ConsoleRequest($"{path}/remote-consoles", "/servers/{id}/remote-consoles", RemoteConsoleBody("vnc", "novnc"), Microversion.Min(max, PreferredMicroversion))));
        }

        attempts.Add(("vnc", "novnc", ConsoleRequest($"{path}/action", "/servers/{id}/action:os-getVNCConsole", LegacyConsoleBody("os-getVNCConsole", "novnc"), BaseMicroversion)));
        attempts.Add(max >= RemoteConsolesMicroversion
            ? ("spice", "spice-html5", ConsoleRequest($"{path}/remote-consoles", "/servers/{id}/remote-consoles", RemoteConsoleBody("spice", "spice-html5"), Microversion.Min(max, PreferredMicroversion)))
            : ("spice", "spice-html5", ConsoleRequest($"{path}/action", "/servers/{id}/action:os-getSPICEConsole", LegacyConsoleBody("os-getSPICEConsole", "spice-html5"), BaseMicroversion)));

        OpenStackException? last = null;
        foreach (var (protocol, type, request) in attempts)
        {
            try
            {
                var answer = await _sender.SendAsync(request, OpenStackJsonContext.Default.ConsoleEnvelopeWire, cancellationToken).ConfigureAwait(false);
                var console = answer?.RemoteConsole ?? answer?.Console;
                if (console?.Url is not null && Uri.TryCreate(console.Url, UriKind.Absolute, out var url))
                {
                    return new ConsoleInfo(url, console.Protocol ?? protocol, console.Type ?? type);
                }
            }
            catch (OpenStackException ex) when (ex.StatusCode is 400 or 404 or 405 or 501)
            {
                OpenStackLog.ConsoleFallback(_logger, protocol, type, ex.Message);
                last = ex;
            }
        }

        throw last ?? new OpenStackException(new OpenStackErrorContext("compute", "POST", $"{path}/remote-consoles"), "compute: no console type is available for this server.");
    }

    /// <summary>GET /flavors/detail (all pages).</summary>
    public async Task<IReadOnlyList<Flavor>> ListFlavorsAsync(CancellationToken cancellationToken = default) =>
        await MarkerPaging.ReadAllAsync(
                _sender,
                (marker, ct) => VersionedAsync(HttpMethod.Get, new QueryBuilder("/flavors/detail").Add("marker", marker).ToString(), "/flavors/detail", null, idempotent: true, notFoundIsNull: false, ct),
                OpenStackJsonContext.Default.FlavorListWire,
                page => page.Flavors,
                page => PageMarker.FromLinks(page.Links),
                cancellationToken)
            .Select(f => new Flavor(f.Id ?? string.Empty, f.Name ?? string.Empty, f.Vcpus, f.Ram, f.Disk))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task ActionAsync(string id, string action, byte[] body, CancellationToken cancellationToken)
    {
        // Actions are not retried: the reconciler re-reads the server and decides again (level-triggered).
        var call = await VersionedAsync(HttpMethod.Post, $"/servers/{PathSegment.Escape(id)}/action", $"/servers/{{id}}/action:{action}", body, idempotent: false, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        using var response = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OpenStackRequest> VersionedAsync(HttpMethod method, string path, string route, byte[]? body, bool idempotent, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var max = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
        return new OpenStackRequest
        {
            Service = OpenStackService.Compute,
            Method = method,
            Path = path,
            Route = route,
            Body = body,
            Idempotent = idempotent,
            NotFoundIsNull = notFoundIsNull,
            ApiVersion = $"compute {Microversion.Min(max, PreferredMicroversion)}",
        };
    }

    private static OpenStackRequest Get(string path, string route) => new()
    {
        Service = OpenStackService.Compute,
        Method = HttpMethod.Get,
        Path = path,
        Route = route,
        Idempotent = true,
    };

    // Fetching a console URL changes nothing on the server: safe to retry.
    private static OpenStackRequest ConsoleRequest(string path, string route, byte[] body, Microversion version) => new()
    {
        Service = OpenStackService.Compute,
        Method = HttpMethod.Post,
        Path = path,
        Route = route,
        Body = body,
        Idempotent = true,
        ApiVersion = $"compute {version}",
    };

    private static byte[] RemoteConsoleBody(string protocol, string type) => JsonBody.Write((protocol, type), static (w, s) =>
    {
        w.WriteStartObject("remote_console");
        w.WriteString("protocol", s.protocol);
        w.WriteString("type", s.type);
        w.WriteEndObject();
    });

    private static byte[] LegacyConsoleBody(string action, string type) => JsonBody.Write((action, type), static (w, s) =>
    {
        w.WriteStartObject(s.action);
        w.WriteString("type", s.type);
        w.WriteEndObject();
    });
}
