using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack.Http;

/// <summary>Source-generated log messages. None carries a body, a token or a secret.</summary>
internal static partial class OpenStackLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Service} {Method} {Route} answered {Status} in {ElapsedMs} ms (request {RequestId})")]
    public static partial void Answered(ILogger logger, string service, string method, string route, int status, long elapsedMs, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Service} {Method} {Route} attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, string method, string route, int attempt, string outcome, long delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Authenticated to {AuthUrl} with application credential {CredentialId}: project {ProjectId}, token valid until {ExpiresAt:o}")]
    public static partial void Authenticated(ILogger logger, Uri authUrl, string credentialId, string projectId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Authentication to {AuthUrl} with application credential {CredentialId} failed: {Error}")]
    public static partial void AuthenticationFailed(ILogger logger, Uri authUrl, string credentialId, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Service} {Method} {Route} answered 401; the token is dropped and the call repeated once with a new one")]
    public static partial void TokenRejected(ILogger logger, string service, string method, string route);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Compute supports microversions up to {MaxVersion}; using {UsedVersion}")]
    public static partial void ComputeMicroversion(ILogger logger, string maxVersion, string usedVersion);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Compute version document unreadable ({Error}); assuming microversion 2.1")]
    public static partial void ComputeVersionUnknown(ILogger logger, string error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Service} {Method} {Route} failed: {Error}")]
    public static partial void CallFailed(ILogger logger, string service, string method, string route, string error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Console {Protocol}/{Type} unavailable ({Error}); trying the next kind")]
    public static partial void ConsoleFallback(ILogger logger, string protocol, string type, string error);
}
