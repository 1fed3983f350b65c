using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudPe.OpenStack.Identity;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CloudPe.OpenStack.Http;

/// <summary>
/// Sends one logical call: adds the token and the per-service microversion header, runs the attempt through the
/// resilience pipeline, repeats once with a new token after a 401, and turns failures into typed errors.
/// </summary>
internal sealed class RequestSender
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OpenStackConnectionOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> _single;
    private TokenCache? _tokens;

    public RequestSender(HttpClient http, OpenStackConnectionOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _retrying = OpenStackResilience.Build(retry: true, options, time, logger);
        _single = OpenStackResilience.Build(retry: false, options, time, logger);
    }

    public TimeProvider Time => _time;

    /// <summary>Set once the token cache exists (it needs this sender for the token request itself).</summary>
    public void UseTokens(TokenCache tokens) => _tokens = tokens;

    public async Task<AuthToken> GetTokenAsync(CancellationToken cancellationToken) =>
        await (_tokens ?? throw new InvalidOperationException("No token cache.")).GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sends and deserialises the JSON answer; null on 404 when the request allows it.</summary>
    public async Task<T?> SendAsync<T>(OpenStackRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                    ?? throw Malformed(request, response, "empty body");
            }
            catch (JsonException ex)
            {
                throw Malformed(request, response, $"unreadable JSON at {ex.Path}");
            }
        }
    }

    /// <summary>Sends; the caller disposes the (successful) response. Null on 404 when the request allows it.</summary>
    public async Task<HttpResponseMessage?> SendAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        var pipeline = request.Idempotent ? _retrying : _single;
        for (var tokenAttempt = 0; ; tokenAttempt++)
        {
            var token = request.Authenticated ? await GetTokenAsync(cancellationToken).ConfigureAwait(false) : null;
            var baseUrl = request.BaseUrl ?? BaseUrlOf(request, token!);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(OpenStackResilience.RequestKey, request);
            HttpResponseMessage response;
            try
            {
                response = await pipeline.ExecuteAsync(
                    static (ctx, state) => state.Sender.SendOnceAsync(state.Request, state.BaseUrl, state.Token, ctx.CancellationToken),
                    context,
                    new AttemptState(this, request, baseUrl, token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var error = OpenStackErrorFactory.FromTransport(request, ex);
                OpenStackLog.CallFailed(_logger, error.Service, error.Method, request.Route, error.Message);
                throw error;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && tokenAttempt == 0)
            {
                // A revoked or prematurely expired token: the request was not executed, so one repeat is safe even for POST.
                response.Dispose();
                OpenStackLog.TokenRejected(_logger, OpenStackServiceNames.Of(request.Service), request.Method.Method, request.Route);
                _tokens!.Invalidate(token);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound && request.NotFoundIsNull)
                {
                    return null;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var error = OpenStackErrorFactory.FromResponse(request, response, body, _time.GetUtcNow(), [_options.ApplicationCredentialSecret, token?.Value]);
                OpenStackLog.CallFailed(_logger, error.Service, error.Method, request.Route, error.Message);
                throw error;
            }
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(OpenStackRequest request, Uri baseUrl, AuthToken? token, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + request.Path));
        message.Headers.Accept.Add(Json);
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Auth-Token", token.Value);
        }

        if (request.ApiVersion is not null)
        {
            message.Headers.TryAddWithoutValidation("OpenStack-API-Version", request.ApiVersion);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var service = OpenStackServiceNames.Of(request.Service);
        var started = _time.GetTimestamp();
        try
        {
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            OpenStackTelemetry.Record(service, request.Method.Method, request.Route, (int)response.StatusCode, elapsed);
            OpenStackLog.Answered(_logger, service, request.Method.Method, request.Route, (int)response.StatusCode, (long)elapsed.TotalMilliseconds, OpenStackErrorFactory.RequestIdOf(response));
            return response;
        }
        catch (Exception)
        {
            OpenStackTelemetry.Record(service, request.Method.Method, request.Route, null, _time.GetElapsedTime(started));
            throw;
        }
    }

    private static Uri BaseUrlOf(OpenStackRequest request, AuthToken token)
    {
        var url = request.Service switch
        {
            OpenStackService.Compute => token.Endpoints.Compute,
            OpenStackService.Network => token.Endpoints.Network,
            OpenStackService.BlockStorage => token.Endpoints.BlockStorage,
            OpenStackService.Image => token.Endpoints.Image,
            _ => null,
        };
        if (url is null)
        {
            var service = OpenStackServiceNames.Of(request.Service);
            throw new OpenStackException(
                new OpenStackErrorContext(service, request.Method.Method, request.PathWithoutQuery),
                $"The catalog has no usable '{service}' endpoint for the requested interface and region.");
        }

        return url;
    }

    private static OpenStackException Malformed(OpenStackRequest request, HttpResponseMessage response, string what) =>
        new(
            new OpenStackErrorContext(OpenStackServiceNames.Of(request.Service), request.Method.Method, request.PathWithoutQuery, (int)response.StatusCode, OpenStackErrorFactory.RequestIdOf(response)),
            $"{OpenStackServiceNames.Of(request.Service)} {request.Method.Method} {request.PathWithoutQuery}: malformed response ({what}).");

    private sealed record AttemptState(RequestSender Sender, OpenStackRequest Request, Uri BaseUrl, AuthToken? Token);
}
