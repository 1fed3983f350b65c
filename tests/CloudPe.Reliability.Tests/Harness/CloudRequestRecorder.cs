using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>
/// The operator's OpenStack HTTP handler in the suite: counts requests by kind, remembers every password and token
/// that crosses the wire (for the secret scan), and carries the crash switch of its operator.
/// </summary>
internal sealed class CloudRequestRecorder(CrashSwitch crash, CloudRequestLog log, SecretRegistry secrets, string projectPath) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (crash.IsTripped)
        {
            await CrashSwitch.HangAsync(cancellationToken);
        }

        JsonNode? body = null;
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            var text = await content.ReadAsStringAsync(cancellationToken);
            try
            {
                body = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (JsonException)
            {
                body = null;
            }

            secrets.AddFromJson(body, "adminPass", "secret", "password");
        }

        var kind = RequestKind.Of(request.Method, request.RequestUri!, projectPath, body);
        log.Add(kind);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            log.Add(kind + " -> no answer");
            throw;
        }

        log.Add($"{kind} -> {(int)response.StatusCode}");
        if (response.Headers.TryGetValues("X-Subject-Token", out var tokens))
        {
            foreach (var token in tokens)
            {
                secrets.Add(token);
            }
        }

        if (response.IsSuccessStatusCode && kind.EndsWith(":changePassword", StringComparison.Ordinal)
            && body?["changePassword"]?["adminPass"]?.GetValue<string>() is { } password)
        {
            var segments = request.RequestUri!.AbsolutePath.Split('/');
            log.PasswordSet(segments[^2], password);
        }

        if (crash.Observe(kind) || crash.IsTripped)
        {
            response.Dispose();
            await CrashSwitch.HangAsync(cancellationToken);
        }

        return response;
    }
}
