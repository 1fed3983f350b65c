using System.Net;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class ErrorEnvelopeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, string, Type, string?, string> Envelopes => new()
    {
        { 400, """{"badRequest": {"code": 400, "message": "Unavailable console type spice-html5."}}""", typeof(OpenStackBadRequestException), "badRequest", "Unavailable console type spice-html5." },
        { 404, """{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}""", typeof(OpenStackNotFoundException), "itemNotFound", "The resource could not be found." },
        { 409, """{"conflictingRequest": {"code": 409, "message": "Cannot 'stop' instance while it is in vm_state stopped"}}""", typeof(OpenStackConflictException), "conflictingRequest", "Cannot 'stop' instance while it is in vm_state stopped" },
        { 403, """{"forbidden": {"code": 403, "message": "Quota exceeded for cores"}}""", typeof(OpenStackForbiddenException), "forbidden", "Quota exceeded for cores" },
        { 429, """{"overLimit": {"code": 429, "message": "Rate limit exceeded", "retryAfter": "3"}}""", typeof(OpenStackRateLimitedException), "overLimit", "Rate limit exceeded" },
        { 413, """{"overLimit": {"code": 413, "message": "This request was rate-limited."}}""", typeof(OpenStackRateLimitedException), "overLimit", "This request was rate-limited." },
        { 500, """{"computeFault": {"code": 500, "message": "Unexpected API Error."}}""", typeof(OpenStackServerException), "computeFault", "Unexpected API Error." },
        { 404, """{"NeutronError": {"type": "PortNotFound", "message": "Port 42 could not be found.", "detail": ""}}""", typeof(OpenStackNotFoundException), "PortNotFound", "Port 42 could not be found." },
        { 409, """{"NeutronError": {"type": "IpAddressGenerationFailure", "message": "No more IP addresses available on network 7."}}""", typeof(OpenStackConflictException), "IpAddressGenerationFailure", "No more IP addresses available on network 7." },
        { 401, """{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}""", typeof(OpenStackAuthenticationException), "Unauthorized", "The request you have made requires authentication." },
        { 503, "503 Service Unavailable\n\nThe server is currently unavailable. Please try again at a later time.\n\n", typeof(OpenStackServerException), null, "503 Service Unavailable The server is currently unavailable. Please try again at a later time." },
        { 404, "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>The resource could not be found.</body></html>", typeof(OpenStackNotFoundException), null, "404 Not Found 404 Not Found The resource could not be found." },
        { 400, """{"message": "Invalid volume: Volume status must be available or in-use.", "code": 400}""", typeof(OpenStackBadRequestException), null, "Invalid volume: Volume status must be available or in-use." },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Every_envelope_parses_into_a_typed_error(int status, string body, Type expected, string? kind, string message)
    {
        using var response = Response(status, body);

        var error = OpenStackErrorFactory.FromResponse(Request(), response, body, Now, []);

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(kind, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal("compute", error.Service);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/servers/abc/action", error.Path);
        Assert.Equal("req-1234", error.RequestId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("req-1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_body_still_gives_status_and_route()
    {
        using var response = Response(502, string.Empty);

        var error = OpenStackErrorFactory.FromResponse(Request(), response, string.Empty, Now, []);

        Assert.IsType<OpenStackServerException>(error);
        Assert.StartsWith("compute POST /servers/abc/action failed with 502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_limit_carries_retry_after()
    {
        using var response = Response(429, """{"overLimit":{"message":"slow down"}}""");
        response.Headers.TryAddWithoutValidation("Retry-After", "4");

        var error = Assert.IsType<OpenStackRateLimitedException>(OpenStackErrorFactory.FromResponse(Request(), response, null, Now, []));

        Assert.Equal(TimeSpan.FromSeconds(4), error.RetryAfter);
    }

    [Fact]
    public void Secrets_echoed_by_the_cloud_are_masked_in_the_error()
    {
        const string body = """{"badRequest": {"code": 400, "message": "Invalid adminPass: Sup3rS3cret! token gAAAAAB-tok"}}""";
        using var response = Response(400, body);

        var error = OpenStackErrorFactory.FromResponse(Request(), response, body, Now, ["Sup3rS3cret!", "gAAAAAB-tok"]);

        Assert.DoesNotContain("Sup3rS3cret!", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gAAAAAB-tok", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rS3cret!", error.ServerMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_response_of_a_create_is_outcome_unknown()
    {
        var request = new OpenStackRequest { Service = OpenStackService.Compute, Method = HttpMethod.Post, Path = "/servers", Route = "/servers", Idempotent = false };

        var error = OpenStackErrorFactory.FromTransport(request, new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        Assert.IsType<OpenStackOutcomeUnknownException>(error);
        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, UnreachableReason.NameResolution)]
    [InlineData(HttpRequestError.ConnectionError, UnreachableReason.ConnectionRefused)]
    [InlineData(HttpRequestError.SecureConnectionError, UnreachableReason.Tls)]
    public void Failures_before_sending_are_unreachable_even_for_a_create(HttpRequestError failure, UnreachableReason reason)
    {
        var request = new OpenStackRequest { Service = OpenStackService.Compute, Method = HttpMethod.Post, Path = "/servers", Route = "/servers", Idempotent = false };

        var error = Assert.IsType<OpenStackUnreachableException>(OpenStackErrorFactory.FromTransport(request, new HttpRequestException(failure, "x")));

        Assert.Equal(reason, error.Reason);
    }

    private static OpenStackRequest Request() => new()
    {
        Service = OpenStackService.Compute,
        Method = HttpMethod.Post,
        Path = "/servers/abc/action",
        Route = "/servers/{id}/action",
        Idempotent = false,
    };

    private static HttpResponseMessage Response(int status, string body)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
        response.Headers.TryAddWithoutValidation("x-openstack-request-id", "req-1234");
        return response;
    }
}
