using System.Net;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Tests.Unit;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("0", 0.0)]
    [InlineData("-5", 0.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("Sun, 01 Mar 2026 12:00:30 GMT", 30.0)]
    [InlineData("Sun, 01 Mar 2026 11:00:00 GMT", 0.0)]
    public void Seconds_and_http_dates_are_understood(string value, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    public void Garbage_is_ignored(string value) => Assert.Null(RetryAfterParser.Parse(value, Now));

    [Fact]
    public void Header_of_a_response_is_read()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterParser.From(response, Now));
    }

    [Fact]
    public void Http_date_header_of_a_response_is_read()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 12:01:00 GMT");

        Assert.Equal(TimeSpan.FromMinutes(1), RetryAfterParser.From(response, Now));
    }
}
