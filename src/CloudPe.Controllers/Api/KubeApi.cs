using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;

namespace CloudPe.Controllers;

/// <summary>
/// Raw HTTP access through a configured <see cref="Kubernetes"/> client (its TLS, credentials and base
/// address), for the list/watch parameters and patch types the generated operations do not expose.
/// </summary>
internal sealed class KubeApi(Kubernetes client)
{
    public const string MergePatch = "application/merge-patch+json";

    public IKubernetes Client => client;

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content, bool streamResponse, CancellationToken cancellationToken)
    {
        var uri = new Uri(client.BaseUri.ToString().TrimEnd('/') + "/" + pathAndQuery);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var completion = streamResponse ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        var response = await client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ToExceptionAsync(method, pathAndQuery, response, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    public async Task<JsonNode> SendJsonAsync(
        HttpMethod method, string pathAndQuery, JsonNode? body, string contentType, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, contentType);
        if (content is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await SendAsync(method, pathAndQuery, content, false, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(text) ?? throw new KubernetesApiException($"{method} {StripQuery(pathAndQuery)} returned an empty body.");
    }

    public async Task<T> SendAsync<T>(
        HttpMethod method, string pathAndQuery, JsonNode? body, string contentType, CancellationToken cancellationToken)
    {
        var node = await SendJsonAsync(method, pathAndQuery, body, contentType, cancellationToken).ConfigureAwait(false);
        return KubernetesJson.Deserialize<T>(node.ToJsonString());
    }

    private static async Task<KubernetesApiException> ToExceptionAsync(
        HttpMethod method, string pathAndQuery, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? reason = null;
        string? message = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (JsonNode.Parse(text) is JsonObject status)
            {
                reason = (string?)status["reason"];
                message = (string?)status["message"];
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or HttpRequestException or InvalidOperationException)
        {
            // A body that is not a Status object: the status code alone describes the error.
        }

        var code = (int)response.StatusCode;
        return new KubernetesApiException(
            response.StatusCode,
            reason,
            $"{method} {StripQuery(pathAndQuery)} failed with {code} {reason ?? response.ReasonPhrase}: {message}");
    }

    private static string StripQuery(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }

    public static bool IsNotFound(Exception e) => e is KubernetesApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception e) => e is KubernetesApiException { StatusCode: HttpStatusCode.Conflict };
}
