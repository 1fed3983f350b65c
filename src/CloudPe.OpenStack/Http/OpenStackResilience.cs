using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CloudPe.OpenStack.Http;

/// <summary>
/// The two Polly pipelines: idempotent requests get a per-attempt timeout inside a bounded, jittered exponential retry
/// that honours Retry-After; everything else gets only the timeout (never a blind retry of POST /servers).
/// </summary>
internal static class OpenStackResilience
{
    public static readonly ResiliencePropertyKey<OpenStackRequest> RequestKey = new("openstack.request");

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<HttpResponseMessage> Build(bool retry, OpenStackConnectionOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry && options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                // Back-off stays under 30 s; a Retry-After up to MaxRetryAfter is still honoured in full.
                MaxDelay = options.MaxRetryAfter > MaxBackoff ? options.MaxRetryAfter : MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && IsRetryableStatus(response.StatusCode) ? RetryAfterParser.From(response, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        var outcome = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "unknown";
                        OpenStackLog.Retrying(logger, OpenStackServiceNames.Of(request.Service), request.Method.Method, request.Route, args.AttemptNumber + 1, outcome, (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.RequestTimeout });
        return builder.Build();
    }

    internal static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, OpenStackConnectionOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || !IsRetryableStatus(response.StatusCode))
        {
            return false;
        }

        // A cloud asking for a long pause gets it from the caller's requeue, not from a blocked call.
        var retryAfter = RetryAfterParser.From(response, time.GetUtcNow());
        return retryAfter is null || retryAfter <= options.MaxRetryAfter;
    }
}
